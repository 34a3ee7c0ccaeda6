using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Hosting;

/// <summary>
/// The one way a configuration section becomes options: bound from its section, checked at start-up by its
/// DataAnnotations and its own <see cref="IValidatableObject"/> rules, and refused with messages that name the
/// setting to fix (<c>Cadence:Forms:RetentionDays: …</c>) rather than a .NET member name.
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new SectionValidation<T>(section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>What start-up would say about <paramref name="options"/> bound from <paramref name="section"/>.</summary>
    public static ValidateOptionsResult Check<T>(string section, T options) where T : class =>
        new SectionValidation<T>(section).Validate(null, options);

    private sealed class SectionValidation<T>(string section) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
                return ValidateOptionsResult.Success;
            return ValidateOptionsResult.Fail(results.Select(Message));
        }

        // A rule's own message already names its setting; an attribute's names only the property.
        private string Message(ValidationResult result)
        {
            var message = result.ErrorMessage ?? "is not valid.";
            if (message.StartsWith(section, StringComparison.Ordinal)) return message;
            var member = result.MemberNames.FirstOrDefault();
            return member is null ? $"{section}: {message}" : $"{section}:{member}: {message}";
        }
    }
}
