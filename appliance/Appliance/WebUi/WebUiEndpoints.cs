using Appliance.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Appliance.WebUi;

/// <summary>Serves the static pages of web-ui/ (join page, room display, admin console).</summary>
public static class WebUiEndpoints
{
    public static WebApplication MapWebUi(this WebApplication app)
    {
        var configured = app.Services.GetRequiredService<IOptions<ApplianceOptions>>().Value.WebUiPath;
        var root = configured.Length > 0 ? configured : Path.Combine(AppContext.BaseDirectory, "web-ui");
        var files = new PhysicalFileProvider(Path.GetFullPath(root));

        // Pages answer without their extension: /admin is admin.html, /display is display.html.
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value;
            if (path is { Length: > 1 } && !path.Contains('.', StringComparison.Ordinal) && path.IndexOf('/', 1) < 0
                && files.GetFileInfo(path + ".html").Exists)
                context.Request.Path = path + ".html";
            await next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = "no-cache";
                headers.XContentTypeOptions = "nosniff";
            },
        });
        return app;
    }
}
