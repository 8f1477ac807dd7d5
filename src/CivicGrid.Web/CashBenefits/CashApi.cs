using CivicGrid.App.CashBenefits;
using CivicGrid.App.Exports;
using CivicGrid.App.PublicServices.Enrolment;
using CivicGrid.Core.CashBenefits;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.CashBenefits;

/// <summary>A benefit schedule as the API takes it: tiers (rule, amount in yuan as text), period and start by name.</summary>
public sealed record ScheduleBody(
    IReadOnlyList<TierInput?>? Tiers, BenefitPeriod? Period, BenefitStart? Start, string? EffectiveFrom, int? ArrearsMonths, bool? StopsOnMoveOut)
{
    public SaveBenefitSchedule ToCommand(string code) => new(code, Tiers, Period, Start, EffectiveFrom, ArrearsMonths, StopsOnMoveOut);
}

/// <summary>Build (or rebuild, while a draft) one street's list for a month ("2026-12").</summary>
public sealed record BuildListBody(string? StreetCode, string? Month);

/// <summary>A move of a list by name (StreetApprove, DistrictApprove, SendBack, Close), with the version read.</summary>
public sealed record ListMoveBody(PaymentListAction? Action, string? Reason, int? Version);

public sealed record FixFailureBody(string? Note);

public sealed record PayeeAccountBody(string? BankName, string? Account);

/// <summary>
/// Cash benefits over HTTP (/api/cash): the schedule, a street's monthly lists with their two approvals, the bank file,
/// the failures the grid fixes, and a resident's own payments. The bank return comes in through /api/imports (BankReturns).
/// </summary>
public static class CashApi
{
    public static void MapCashBenefits(this IEndpointRouteBuilder app)
    {
        var pays = app.MapGroup("/api/cash").WithTags("Cash benefits").RequireAuthorization(Policies.PaysCash);
        var approves = app.MapGroup("/api/cash").WithTags("Cash benefits").RequireAuthorization(Policies.ApprovesCash);
        pays.MapGet("/{code}/schedule", async (string code, GetBenefitScheduleHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(new GetBenefitSchedule(code), ct)));
        approves.MapPost("/{code}/schedule", async (string code, ScheduleBody body, SaveBenefitScheduleHandler h, CancellationToken ct) =>
            (await h.HandleAsync(body.ToCommand(code), ct)).ToHttp());
        pays.MapGet("/{code}/lists", async (string code, GetPaymentTotalsHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(new GetPaymentTotals(code), ct)));
        pays.MapPost("/{code}/lists", async (string code, BuildListBody body, BuildPaymentListHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new BuildPaymentList(code, body.StreetCode, body.Month), ct)).ToHttp());
        pays.MapGet("/{code}/coverage", async (string code, string? month, GetCashCoverageHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new GetCashCoverage(code, month), ct)).ToHttp());
        pays.MapGet("/lists/{id:int}", async (int id, int? page, int? pageSize, GetPaymentListHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new GetPaymentList(id, page ?? 1, pageSize ?? 50), ct)).ToHttp());
        pays.MapPost("/lists/{id:int}/moves", async (int id, ListMoveBody body, ActOnPaymentListHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new ActOnPaymentList(id, body.Action, body.Reason, body.Version), ct)).ToHttp());
        approves.MapPost("/lists/{id:int}/bank-file", BankFileAsync).DisableAntiforgery()
            .ProducesExport().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        var grid = app.MapGroup("/api/cash/failures").WithTags("Cash benefits").RequireAuthorization(Policies.ManagesPeople);
        grid.MapGet("", async (bool? overpaid, ListPaymentFailuresHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(new ListPaymentFailures(overpaid == true), ct)));
        grid.MapPost("/{id:int}/fix", async (int id, FixFailureBody body, FixPaymentFailureHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new FixPaymentFailure(id, body.Note), ct)).ToHttp());
        app.MapPut("/api/residents/{id:int}/payee-account", async (int id, PayeeAccountBody body, SavePayeeAccountHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new SavePayeeAccount(id, body.BankName, body.Account), ct)).ToHttp())
            .WithTags("Cash benefits").RequireAuthorization(Policies.ManagesPeople);

        app.MapGet("/api/my/payments", async (ResidentAccounts accounts, GetResidentPaymentsHandler h, CancellationToken ct) =>
            TypedResults.Ok(await accounts.ResidentIdAsync(ct) is { } resident ? await h.HandleAsync(new GetResidentPayments(resident), ct) : []))
            .WithTags("Cash benefits").RequireAuthorization(Policies.Resident);
    }

    /// <summary>
    /// Exports the list as the bank's file, .xlsx unless csv is asked for (in the query or, from the list's page, the form);
    /// the SHA-256 recorded on the list goes out in a header too.
    /// </summary>
    private static async Task<IResult> BankFileAsync(int id, HttpContext http, ExportBankFileHandler h, CancellationToken ct)
    {
        var format = http.Request.Query["format"].ToString();
        if (format.Length == 0 && http.Request.HasFormContentType)
        {
            format = (await http.Request.ReadFormAsync(ct))["format"].ToString();
        }
        var outcome = await h.HandleAsync(new ExportBankFile(id, ExportWriter.ParseFormat(format)), ct);
        if (outcome.Value is not { } file)
        {
            return outcome.ToHttp();
        }
        http.Response.Headers["X-Checksum-SHA256"] = file.Checksum;
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
