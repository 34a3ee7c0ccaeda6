using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Delivery;

public static class FormsEndpoint
{
    public static async Task<IResult> List(CadenceDb db, CancellationToken cancellationToken)
    {
        var forms = await db.Forms.AsNoTracking().OrderBy(f => f.Key).ToListAsync(cancellationToken);
        var items = forms.Select(f => new FormDto(
            f.Key, f.Title, f.Intro, f.SubmitLabel, f.SuccessMessage, f.ThankYouPath, f.AssetFileName is not null,
            f.Fields.Select(x => new FormFieldDto(x.Name, x.Type, x.Label, x.Required, x.MaxLength, x.Options)).ToList())).ToList();
        return ETagged.Json(new ItemsDto<FormDto>(items), DeliveryJson.Default.ItemsDtoFormDto);
    }
}
