namespace CivicGrid.Core.Cases;

/// <summary>The checks a legal move must also pass, which depend on the case's data and the command's.</summary>
internal static class CaseGuards
{
    public static string? Check(Case c, CaseCommand command, CaseRules rules) => command.Action switch
    {
        CaseAction.Reject or CaseAction.Return or CaseAction.FailVerification or CaseAction.Reopen or CaseAction.DenyExtension
            when string.IsNullOrWhiteSpace(command.Note) => $"“{command.Action.ChineseName()}”须填写理由",
        CaseAction.Escalate when c.Level == HandlingLevel.District => "已在区级办理，无法继续升级",
        CaseAction.Escalate when string.IsNullOrWhiteSpace(command.Note) => "上报升级须说明原因",
        CaseAction.PutOnAgenda when !rules.Item.MayDeliberate => $"“{rules.Item.Name}”不在可议事的清单事项内",
        CaseAction.PutOnAgenda when command.DeliberationDayId is null => "请选择议事日",
        CaseAction.Dispatch when string.IsNullOrWhiteSpace(command.DepartmentCode) => "请选择承办部门",
        CaseAction.Resolve when string.IsNullOrWhiteSpace(command.Note) => "办结须填写办理结果",
        CaseAction.RequestExtension when c.PendingExtensionDays is not null => "已有待审批的延期申请",
        CaseAction.RequestExtension when command.ExtensionDays is not (>= 1 and <= 30) => "延期天数应在 1 到 30 个工作日之间",
        CaseAction.RequestExtension when string.IsNullOrWhiteSpace(command.Note) => "申请延期须说明原因",
        CaseAction.ApproveExtension or CaseAction.DenyExtension when c.PendingExtensionDays is null => "没有待审批的延期申请",
        CaseAction.Rate when command.Rating is null => "请选择评价结果",
        CaseAction.Rate when c.IsRated => "本次办理已评价",
        CaseAction.Evaluate when command.ProcessScore is not (>= 1 and <= 5) || command.ResultScore is not (>= 1 and <= 5) => "过程和结果评分应为 1 到 5 分",
        CaseAction.Merge when command.MergeInto is null || command.MergeInto == c.Id => "请指定要合并到的另一件诉求",
        CaseAction.Remind when c.ResolveBy is null || c.RemindedFor == c.ResolveBy => "该期限已提醒过",
        _ => null,
    };
}
