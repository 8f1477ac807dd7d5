namespace CivicGrid.Core.Cases;

/// <summary>The checks a legal move must also pass, which depend on the case's data, the actor and the command's.</summary>
internal static class CaseGuards
{
    public static string? Check(Case c, CaseCommand command, CaseRules rules) =>
        Blocks(c, command.Action, command.Actor, rules) ?? Incomplete(c, command);

    /// <summary>
    /// Why this move cannot be made on this case by this actor whatever the form says: known before anyone fills it in,
    /// so the page offers only the moves that pass.
    /// </summary>
    public static string? Blocks(Case c, CaseAction action, string actor, CaseRules rules) => action switch
    {
        CaseAction.Escalate when c.Level == HandlingLevel.District => "已在区级办理，无法继续升级",
        CaseAction.PutOnAgenda when !rules.Item.MayDeliberate => $"“{rules.Item.Name}”不在可议事的清单事项内",
        CaseAction.Resolve when rules.OpenPlanTasks > 0 => $"议事方案还有 {rules.OpenPlanTasks} 项任务未完成，完成后才能办结",
        // Separation of duties: whoever settled the case does not judge their own result.
        CaseAction.Verify or CaseAction.FailVerification when c.ResolvedBy == actor => "办结人不能核查自己办结的诉求，请由其他人员核查",
        CaseAction.RequestExtension when c.PendingExtensionDays is not null => "已有待审批的延期申请",
        CaseAction.ApproveExtension or CaseAction.DenyExtension when c.PendingExtensionDays is null => "没有待审批的延期申请",
        CaseAction.Rate when c.IsRated => "本次办理已评价",
        CaseAction.Dispatch when c.Status == CaseStatus.Dispatched && !rules.DepartmentRetired => "该诉求已派单，原承办部门撤销后才能改派",
        CaseAction.Remind when c.ResolveBy is null || c.RemindedFor == c.ResolveBy => "该期限已提醒过",
        _ => null,
    };

    /// <summary>What the command itself must carry: a reason, a department, a day, a rating, scores.</summary>
    private static string? Incomplete(Case c, CaseCommand command) => command.Action switch
    {
        CaseAction.Reject or CaseAction.Return or CaseAction.FailVerification or CaseAction.Reopen or CaseAction.DenyExtension
            when string.IsNullOrWhiteSpace(command.Note) => $"“{command.Action.ChineseName()}”须填写理由",
        CaseAction.Escalate when string.IsNullOrWhiteSpace(command.Note) => "上报升级须说明原因",
        CaseAction.PutOnAgenda when command.DeliberationDayId is null => "请选择议事日",
        CaseAction.Dispatch when string.IsNullOrWhiteSpace(command.DepartmentCode) => "请选择承办部门",
        CaseAction.Resolve when string.IsNullOrWhiteSpace(command.Note) => "办结须填写办理结果",
        CaseAction.RequestExtension when command.ExtensionDays is not (>= 1 and <= 30) => "延期天数应在 1 到 30 个工作日之间",
        CaseAction.RequestExtension when string.IsNullOrWhiteSpace(command.Note) => "申请延期须说明原因",
        CaseAction.Rate when command.Rating is null => "请选择评价结果",
        CaseAction.Evaluate when command.ProcessScore is not (>= 1 and <= 5) || command.ResultScore is not (>= 1 and <= 5) => "过程和结果评分应为 1 到 5 分",
        CaseAction.Merge when command.MergeInto is null || command.MergeInto == c.Id => "请指定要合并到的另一件诉求",
        _ => null,
    };
}
