using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadence.Cms.Forms;

public sealed class FormDefinitionTable : IEntityTypeConfiguration<FormDefinition>
{
    public void Configure(EntityTypeBuilder<FormDefinition> form)
    {
        form.HasIndex(f => f.Key).IsUnique();
        form.Property(f => f.Version).IsConcurrencyToken();
        form.Property(f => f.Fields).HasConversion(JsonColumn.Converter<List<FormField>>()).Metadata.SetValueComparer(JsonColumn.Comparer<List<FormField>>());
    }
}

public sealed class SubmissionTable : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> submission)
    {
        submission.ToTable("Submissions");
        submission.HasIndex(s => new { s.Folder, s.FormKey, s.ReceivedAt });
        submission.HasIndex(s => new { s.ContentHash, s.ReceivedAt });
        submission.HasIndex(s => s.Email);
        submission.HasIndex(s => s.ReceivedAt);
        submission.HasIndex(s => new { s.Folder, s.IsRead });
        submission.HasIndex(s => s.DownloadKey);
        submission.Property(s => s.DownloadKey).HasMaxLength(32);
        // Mail may be erased or purged before its submission; the submission then just forgets it.
        submission.HasOne(s => s.NotificationMail).WithMany().HasForeignKey(s => s.NotificationMailId).OnDelete(DeleteBehavior.SetNull);
        submission.HasOne(s => s.ReaderMail).WithMany().HasForeignKey(s => s.ReaderMailId).OnDelete(DeleteBehavior.SetNull);
        submission.Property(s => s.Folder).HasConversion<string>().HasMaxLength(8);
        submission.Property(s => s.FormKey).HasMaxLength(80);
        submission.Property(s => s.Fields).HasConversion(JsonColumn.Converter<List<SubmittedField>>()).Metadata.SetValueComparer(JsonColumn.Comparer<List<SubmittedField>>());
    }
}

public sealed class SubscriberTable : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> subscriber)
    {
        subscriber.HasIndex(s => s.Email).IsUnique();
        subscriber.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
    }
}
