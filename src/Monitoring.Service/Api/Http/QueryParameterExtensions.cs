using Microsoft.AspNetCore.Builder;
using Microsoft.OpenApi;

namespace Monitoring.Service.Api.Http;

/// <summary>Lists an endpoint's query parameters in the OpenAPI document. Handlers read them with
/// <see cref="QueryReader"/> (for clear errors), so the framework cannot see them by itself.</summary>
internal static class QueryParameterExtensions
{
    public static TBuilder WithQueryParameters<TBuilder>(this TBuilder builder, IReadOnlyList<QueryParameter> parameters)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var parameter in parameters)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = parameter.Name,
                    In = ParameterLocation.Query,
                    Required = parameter.Required,
                    Description = parameter.Description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }

            return Task.CompletedTask;
        });
}
