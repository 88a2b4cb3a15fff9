namespace WhistleSubmit.ReviewerConsole.Tests;

/// <summary>Removes the template vaults once every test in the assembly has run.</summary>
[SetUpFixture]
public sealed class TemplateCleanup
{
    [OneTimeTearDown]
    public void RemoveTemplates() => Support.Templates.DisposeAll();
}
