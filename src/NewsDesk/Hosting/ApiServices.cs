using NewsDesk.Api;

namespace NewsDesk.Hosting;

/// <summary>Services of the worker's read API.</summary>
public static class ApiServices
{
    public static void AddNewsDeskApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ExportSlots>();
    }
}
