using System.Net.Http.Headers;
using NUnit.Framework;

namespace Cadence.Testing;

/// <summary>
/// Checks every answer the CMS gives to a delivery or form request against the CMS's own OpenAPI document, so code
/// and contract cannot drift: a test whose request gets an undocumented status or a body off the schema fails there,
/// naming the request and what is wrong. Everything else passes through unchecked.
/// </summary>
public sealed class ContractCheckingHandler(Uri cmsBase) : DelegatingHandler(new HttpClientHandler())
{
    private static readonly string[] Checked = ["/api/v1/", "/forms/"];
    private readonly SemaphoreSlim _loading = new(1, 1);
    private ApiContract? _contract;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        // After a followed redirect the answer is for the last request, which may be another server's page.
        var answered = response.RequestMessage ?? request;
        var path = answered.RequestUri!.AbsolutePath;
        if (answered.RequestUri.Authority != cmsBase.Authority || !Checked.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal))) return response;

        var contract = await ContractAsync(cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var violations = contract.Check(answered.Method, path, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        if (violations.Count > 0)
            throw new AssertionException("The answer breaks the OpenAPI contract:\n" + string.Join("\n", violations));
        return response;
    }

    private async Task<ApiContract> ContractAsync(CancellationToken cancellationToken)
    {
        if (_contract is not null) return _contract;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            using var document = new HttpRequestMessage(HttpMethod.Get, new Uri(cmsBase, "openapi/v1.json"));
            document.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var answer = await base.SendAsync(document, cancellationToken);
            answer.EnsureSuccessStatusCode();
            return _contract ??= new ApiContract(await answer.Content.ReadAsStringAsync(cancellationToken));
        }
        finally
        {
            _loading.Release();
        }
    }
}
