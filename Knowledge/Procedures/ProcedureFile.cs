namespace OneStopBot.Knowledge.Procedures;

// The shape of a procedure file as written by staff; everything optional so validation can say what is missing.
internal sealed class ProcedureFile
{
    public string? Id { get; set; }
    public string? OfficialName { get; set; }
    public string? SimpleName { get; set; }
    public string? Group { get; set; }
    public string? WhoNeedsIt { get; set; }
    public string? WhoQualifies { get; set; }
    public string? Proxy { get; set; }
    public string? Deadline { get; set; }
    public string? Penalty { get; set; }
    public DeadlineRuleEntry? DeadlineRule { get; set; }
    public string? Post { get; set; }
    public OnlineGuideEntry? OnlineGuide { get; set; }
    public PageFeeEntry? PageFee { get; set; }
    public string? Summary { get; set; }
    public List<string?>? Steps { get; set; }
    public List<DocumentEntry?>? Documents { get; set; }
    public TimeEntry? Time { get; set; }
    public FeeEntry? Fee { get; set; }
    public string? WhereAndWhen { get; set; }
    public OnlineEntry? Online { get; set; }
    public string? Handler { get; set; }
    public List<string?>? LegalBasis { get; set; }
    public List<string?>? Phrases { get; set; }
    public List<string?>? Examples { get; set; }

    internal sealed class DocumentEntry
    {
        public string? Name { get; set; }
        public string? Form { get; set; }
        public int? Count { get; set; }
        public string? Note { get; set; }
    }

    internal sealed class DeadlineRuleEntry
    {
        public string? From { get; set; }
        public int? Days { get; set; }
        public int? InYearOfAge { get; set; }
        public int? Month { get; set; }
        public string? After { get; set; }
    }

    internal sealed class PageFeeEntry
    {
        public int? FirstPages { get; set; }
        public int? FirstPagePrice { get; set; }
        public int? LaterPagePrice { get; set; }
        public int? MaxPerCopy { get; set; }
    }

    internal sealed class TimeEntry
    {
        public int? WorkingDays { get; set; }
        public string? Text { get; set; }
    }

    internal sealed class FeeEntry
    {
        public bool? Free { get; set; }
        public string? Text { get; set; }
    }

    internal sealed class OnlineGuideEntry
    {
        public string? App { get; set; }
        public List<string?>? Photograph { get; set; }
        public List<string?>? Steps { get; set; }
        public string? After { get; set; }
    }

    internal sealed class OnlineEntry
    {
        public bool? Available { get; set; }
        public string? Text { get; set; }
    }
}
