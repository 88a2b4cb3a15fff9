namespace WhistleSubmit.Crypto.Tar;

/// <summary>Carries an exception thrown by a caller's callback out of a reader, to be rethrown as is.</summary>
internal sealed class TarCallbackException(Exception inner) : Exception("A callback failed.", inner);
