using System.Data.Common;
using Cadence.Cms.Data;
using Cadence.Cms.Mail;

namespace Cadence.Cms.Forms;

/// <summary>
/// The submission writer's statements, in one transaction on one open connection: the duplicate check, the
/// submission and mail rows, the newsletter sign-up. Written as plain SQL (the same text on SQLite and PostgreSQL)
/// rather than through EF Core's change tracker: a batch only ever inserts new rows it never reads back, and tracking,
/// snapshotting and diffing hundreds of entities per commit cost more than the inserts. Each statement's command is
/// made once per batch and executed again with new values, so SQLite prepares it once.
/// </summary>
public sealed class SubmissionRows(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private DbCommand? insertMail, insertSubmission, findSubscriber, insertSubscriber, renewSubscriber;

    /// <summary>The latest time each of these hashes was stored since <paramref name="since"/>.</summary>
    public async Task<Dictionary<string, DateTime>> RecentAsync(IReadOnlyCollection<string> hashes, DateTime since)
    {
        await using var command = Command("");
        var names = hashes.Select((hash, i) => Parameter(command, $"@h{i}", hash)).ToList();
        Parameter(command, "@since", since);
        command.CommandText = $"""
            SELECT "ContentHash", MAX("ReceivedAt") FROM "Submissions"
            WHERE "ContentHash" IN ({string.Join(", ", names)}) AND "ReceivedAt" >= @since GROUP BY "ContentHash"
            """;
        var recent = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) recent[reader.GetString(0)] = reader.GetDateTime(1);
        return recent;
    }

    /// <returns>The new row's id.</returns>
    public async Task<long> InsertMailAsync(OutboxMail mail)
    {
        insertMail ??= Command("""
            INSERT INTO "MailOutbox" ("QueuedAt", "Subject", "To", "Addresses", "Message", "Attempts", "NextAttemptAt")
            VALUES (@queued, @subject, @to, @addresses, @message, 0, @next) RETURNING "Id"
            """);
        Set(insertMail, ("@queued", mail.QueuedAt), ("@subject", mail.Subject), ("@to", mail.To), ("@addresses", mail.Addresses),
            ("@message", mail.Message), ("@next", mail.NextAttemptAt));
        return Convert.ToInt64(await insertMail.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task InsertSubmissionAsync(Submission s)
    {
        insertSubmission ??= Command("""
            INSERT INTO "Submissions" ("FormKey", "ReceivedAt", "Fields", "Email", "Folder", "SpamReason", "IsRead", "ContentHash",
                "ClientIp", "UserAgent", "NotificationMailId", "ReaderMailId", "DownloadKey", "Downloads")
            VALUES (@form, @received, @fields, @email, @folder, @spam, @read, @hash, @ip, @agent, @notification, @reader, @download, 0)
            """);
        Set(insertSubmission, ("@form", s.FormKey), ("@received", s.ReceivedAt), ("@fields", JsonColumn.Serialize(s.Fields)), ("@email", s.Email),
            ("@folder", s.Folder.ToString()), ("@spam", s.SpamReason), ("@read", s.IsRead), ("@hash", s.ContentHash), ("@ip", s.ClientIp),
            ("@agent", s.UserAgent), ("@notification", s.NotificationMailId), ("@reader", s.ReaderMailId), ("@download", s.DownloadKey));
        await insertSubmission.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Makes the address a pending subscriber (or renews a pending or unsubscribed one) and queues its confirmation;
    /// a confirmed subscriber is left as is and gets no mail.
    /// </summary>
    public async Task SignUpAsync(NewsletterSignup signup, DateTime now)
    {
        findSubscriber ??= Command("""SELECT "Id", "Status" FROM "Subscribers" WHERE "Email" = @email""");
        Set(findSubscriber, ("@email", signup.Email));
        (int Id, string Status)? existing = null;
        await using (var reader = await findSubscriber.ExecuteReaderAsync())
            if (await reader.ReadAsync()) existing = (reader.GetInt32(0), reader.GetString(1));

        if (existing is null)
        {
            insertSubscriber ??= Command("""
                INSERT INTO "Subscribers" ("Email", "FirstName", "Status", "SubscribedAt") VALUES (@email, @first, @status, @now)
                """);
            Set(insertSubscriber, ("@email", signup.Email), ("@first", signup.FirstName), ("@status", nameof(SubscriberStatus.Pending)), ("@now", now));
            await insertSubscriber.ExecuteNonQueryAsync();
        }
        else if (existing.Value.Status == nameof(SubscriberStatus.Confirmed)) return;
        else
        {
            renewSubscriber ??= Command("""
                UPDATE "Subscribers" SET "Status" = @status, "FirstName" = COALESCE(@first, "FirstName"), "SubscribedAt" = @now WHERE "Id" = @id
                """);
            Set(renewSubscriber, ("@id", existing.Value.Id), ("@first", signup.FirstName), ("@status", nameof(SubscriberStatus.Pending)), ("@now", now));
            await renewSubscriber.ExecuteNonQueryAsync();
        }
        await InsertMailAsync(signup.Confirmation);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { insertMail, insertSubmission, findSubscriber, insertSubscriber, renewSubscriber })
            if (command is not null) await command.DisposeAsync();
    }

    private DbCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Sets the values, adding each parameter the first time; null is sent as SQL NULL.</summary>
    private static void Set(DbCommand command, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        foreach (var (name, value) in values)
        {
            if (command.Parameters.Contains(name)) command.Parameters[name].Value = value ?? DBNull.Value;
            else Parameter(command, name, value);
        }
    }

    private static string Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return name;
    }
}
