// Which case status the mailbox shows, shared by the worker's checks (mailbox-items.js) and the page (portal.js),
// which must not pull the signature code into its own small bundle.

/** The newest of verified statuses: the latest signed day, then the highest sequence number; null if none. */
export function newestStatus(statuses) {
  let newest = null;
  for (const s of statuses) {
    if (newest === null || s.day > newest.day || (s.day === newest.day && s.seq > newest.seq)) newest = s;
  }
  return newest;
}
