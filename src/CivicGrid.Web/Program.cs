using CivicGrid.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivicGrid();

var app = builder.Build();
app.UseCivicGrid();
await app.InitialiseAsync();
await app.RunAsync();

/// <summary>Entry point, visible to the HTTP tests' factory.</summary>
public partial class Program;
