namespace Appliance.Admin;

/// <summary>
/// GET /api/openapi.json: the API's OpenAPI 3.1 document, written by hand beside API.md
/// (embedded in the program); a test checks that it lists every /api route the box maps.
/// </summary>
public static class OpenApiDocument
{
    public const string Path = "/api/openapi.json";

    public static void Map(WebApplication app)
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream("Appliance.Admin.openapi.json")
            ?? throw new InvalidOperationException("openapi.json is not embedded in the program");
        using var reader = new StreamReader(stream);
        var document = reader.ReadToEnd();
        app.MapGet(Path, () => Results.Text(document, "application/json"));
    }
}
