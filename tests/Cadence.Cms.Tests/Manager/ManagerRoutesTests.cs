using System.Reflection;
using Cadence.Cms.UI;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Manager;

/// <summary>Pages keep their routes in <c>@page</c> lines; every address in ManagerRoutes must be one of them.</summary>
public sealed class ManagerRoutesTests
{
    [Test]
    public async Task Every_manager_route_constant_is_a_page_route()
    {
        await using var cms = await CmsServer.StartAsync();
        var routes = cms.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToHashSet();
        var addresses = typeof(ManagerRoutes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => ((string)f.GetRawConstantValue()!).Split('#')[0]).ToList();

        Assert.That(addresses, Has.Count.GreaterThan(20));
        Assert.That(addresses.Where(a => !routes.Contains(a)), Is.Empty, "addresses with no page");
        Assert.That(routes, Does.Contain("/manager/posts/{id:int}"));
        Assert.That(ManagerRoutes.Post(7), Is.EqualTo("/manager/posts/7"));
    }
}
