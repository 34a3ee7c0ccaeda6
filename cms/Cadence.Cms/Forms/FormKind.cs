namespace Cadence.Cms.Forms;

/// <summary>What a form does for the reader, in the owner's words.</summary>
public enum FormKind { Download, Newsletter, Contact, Answers }

public static class FormKinds
{
    /// <param name="newsletterKey">The form that signs readers up to the newsletter (<see cref="FormsOptions.NewsletterForm"/>).</param>
    public static FormKind Of(FormDefinition form, string newsletterKey) =>
        form.AssetFileName is not null ? FormKind.Download
        : form.Key == newsletterKey ? FormKind.Newsletter
        : form.Fields.Any(f => f.Type == Contract.FormFieldTypes.Textarea) ? FormKind.Contact
        : FormKind.Answers;

    public static string Describe(FormKind kind) => kind switch
    {
        FormKind.Download => "Gives a download",
        FormKind.Newsletter => "Newsletter sign-up",
        FormKind.Contact => "Contact form",
        _ => "Collects answers",
    };

    /// <summary>Forms whose point is an email address to write to: they need a field for it.</summary>
    public static bool NeedsEmail(FormKind kind) => kind is FormKind.Download or FormKind.Newsletter;
}
