using System.Text;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Tests.Shared;

[TestFixture]
public sealed class FileTypeSnifferTests
{
    [TestCase(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [TestCase(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0 }, "image/jpeg")]
    [TestCase(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [TestCase(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14 }, "application/zip")]
    [TestCase(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, "application/x-msdownload")]
    [TestCase(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2 }, "application/x-executable")]
    [TestCase(new byte[] { 0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6D }, "video/mp4")]
    [TestCase(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    [TestCase(new byte[] { 0x00, 0x01, 0x02, 0xFE }, "application/octet-stream")]
    public void Detect_MagicBytes_GivesType(byte[] prefix, string type)
    {
        Assert.That(FileTypeSniffer.Detect(prefix, prefix.Length).Type, Is.EqualTo(type));
    }

    [Test]
    public void Detect_Utf8TextCutMidCharacter_IsText()
    {
        byte[] text = Encoding.UTF8.GetBytes(new string('é', 3000));

        Assert.That(FileTypeSniffer.Detect(text.AsSpan(0, FileTypeSniffer.PrefixLength - 1), text.Length).Type, Is.EqualTo("text/plain"));
    }

    [Test]
    public void Detect_TextWithEscapeCharacters_IsNotText()
    {
        byte[] bytes = Encoding.ASCII.GetBytes("hello\u001b[2J world");

        Assert.That(FileTypeSniffer.Detect(bytes, bytes.Length).Type, Is.EqualTo("application/octet-stream"));
    }

    [Test]
    public void Detect_EmptyFile_IsEmpty()
    {
        Assert.That(FileTypeSniffer.Detect([], 0).Label, Is.EqualTo("empty file"));
    }

    [TestCase("001-statement.pdf", "application/pdf", "001-statement.pdf")]
    [TestCase("001-photo.JPG", "image/jpeg", "001-photo.JPG")]
    [TestCase("001-notes.txt", "text/plain", "001-notes.txt")]
    [TestCase("001-README", "application/x-executable", "001-README")]
    [TestCase("001-notes.txt", "image/png", "001-notes.txt.bin")]
    [TestCase("001-open-me.desktop", "text/plain", "001-open-me.desktop.bin")]
    [TestCase("001-page.html", "text/plain", "001-page.html.bin")]
    [TestCase("001-logo.svg", "text/plain", "001-logo.svg.bin")]
    [TestCase("001-run.sh", "text/plain", "001-run.sh.bin")]
    [TestCase("001-setup.exe", "application/x-msdownload", "001-setup.exe.bin")]
    [TestCase("001-photo.jpg", "application/x-msdownload", "001-photo.jpg.bin")]
    [TestCase("001-tool", "application/x-msdownload", "001-tool")]
    [TestCase("001-report.pdf", "application/x-empty", "001-report.pdf.bin")]
    public void ExportName_ExtensionAgreesOrNot_KeepsItOrAddsBin(string name, string type, string expected)
    {
        Assert.That(FileTypeSniffer.ExportName(name, type), Is.EqualTo(expected));
    }
}
