using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Cadence.Cms.Delivery;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SiteDto))]
[JsonSerializable(typeof(PostDto))]
[JsonSerializable(typeof(PostPageDto))]
[JsonSerializable(typeof(PageDto))]
[JsonSerializable(typeof(PageListDto))]
[JsonSerializable(typeof(ItemsDto<TermCountDto>))]
[JsonSerializable(typeof(ItemsDto<AuthorDto>))]
[JsonSerializable(typeof(ItemsDto<FormDto>))]
[JsonSerializable(typeof(ItemsDto<RedirectDto>))]
[JsonSerializable(typeof(ChangesDto))]
[JsonSerializable(typeof(ItemsDto<MediaImageDto>))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
public sealed partial class DeliveryJson : JsonSerializerContext;
