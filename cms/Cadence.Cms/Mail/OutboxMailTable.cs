using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadence.Cms.Mail;

public sealed class OutboxMailTable : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> mail)
    {
        mail.ToTable("MailOutbox");
        mail.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        mail.Ignore(m => m.State);
    }
}
