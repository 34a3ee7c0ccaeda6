using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadence.Cms.Accounts;

/// <summary>The one row of sign-in rules an Admin sets for every account.</summary>
public sealed class SignInPolicy
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;

    /// <summary>Everyone must sign in with an authenticator code too; people without one are walked to set it up.</summary>
    public bool RequireTwoFactor { get; set; }
}

public sealed class SignInPolicyTable : IEntityTypeConfiguration<SignInPolicy>
{
    public void Configure(EntityTypeBuilder<SignInPolicy> policy)
    {
        policy.ToTable("SignInPolicy");
        policy.Property(p => p.Id).ValueGeneratedNever();
    }
}

/// <summary>Reads and sets whether two-factor sign-in is required for every account.</summary>
public sealed class TwoFactorPolicy(CadenceDb db)
{
    public async Task<bool> IsRequiredAsync(CancellationToken cancellationToken = default) =>
        await db.Set<SignInPolicy>().AsNoTracking().Select(p => p.RequireTwoFactor).FirstOrDefaultAsync(cancellationToken);

    public async Task SetRequiredAsync(bool required, CancellationToken cancellationToken = default)
    {
        var policy = await db.Set<SignInPolicy>().FirstOrDefaultAsync(cancellationToken);
        if (policy is null) db.Set<SignInPolicy>().Add(policy = new SignInPolicy());
        policy.RequireTwoFactor = required;
        await db.SaveChangesAsync(cancellationToken);
    }
}
