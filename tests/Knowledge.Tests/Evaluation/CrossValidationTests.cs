using OneStopBot.Knowledge.Evaluation;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Tests.Evaluation;

public sealed class CrossValidationTests
{
    [Fact]
    public void Every_training_example_is_understood_once_by_a_model_that_never_saw_it()
    {
        using var files = new ProcedureFiles()
            .Add("a.yaml", ProcedureFiles.Valid("a", "làm khai sinh") + "examples:\n  - khai sinh cho con\n  - giấy khai sinh\n  - khai sinh cho bé\n")
            .Add("b.yaml", ProcedureFiles.Valid("b", "đăng ký kết hôn") + "examples:\n  - kết hôn\n  - giấy kết hôn\n  - đăng ký kết hôn cho hai đứa\n")
            .Add("Other/intents.yaml", "- intent: greeting\n  examples:\n    - xin chào\n    - chào bạn\n    - chào xã\n");
        var catalog = ProcedureCatalog.Load(files.Directory);

        var report = CrossValidation.Run(catalog, folds: 3);

        // 2 × (1 phrase + 3 examples + 2 names) + 3 greetings.
        Assert.Equal(15, report.Count);
        Assert.Equal(Enumerable.Range(1, 15), report.Results.Select(r => r.Case.Line));
        Assert.Contains("cross-validation (3 folds, 15 examples)", report.Format());
    }

    [Fact]
    public void Each_fold_is_reported_with_its_share_of_the_examples()
    {
        using var files = new ProcedureFiles()
            .Add("a.yaml", ProcedureFiles.Valid("a", "làm khai sinh") + "examples:\n  - khai sinh cho con\n  - giấy khai sinh\n  - khai sinh cho bé\n")
            .Add("b.yaml", ProcedureFiles.Valid("b", "đăng ký kết hôn") + "examples:\n  - kết hôn\n  - giấy kết hôn\n  - đăng ký kết hôn cho hai đứa\n");

        var report = CrossValidation.Run(ProcedureCatalog.Load(files.Directory), folds: 3);

        // 12 examples dealt round the 3 folds: 4 each, every one in exactly one fold.
        Assert.Equal([("fold 1", 4), ("fold 2", 4), ("fold 3", 4)], report.ByStyle().Select(f => (f.Style, f.Count)));
        Assert.Contains("style fold 1", report.Format());
    }

    [Fact]
    public void A_status_question_naming_a_procedure_is_scored_as_the_status_of_that_procedure()
    {
        using var files = new ProcedureFiles()
            .Add("a.yaml", ProcedureFiles.Valid("a", "làm khai sinh") + "examples:\n  - khai sinh cho con\n  - giấy khai sinh\n")
            .Add("Other/intents.yaml", "- intent: status\n  examples:\n    - hồ sơ của tui tới đâu rồi\n- intent: status\n  procedure: a\n  examples:\n    - hồ sơ khai sinh xong chưa\n");

        var report = CrossValidation.Run(ProcedureCatalog.Load(files.Directory), folds: 2);

        Assert.Equal(
            [(Intent.Status, null), (Intent.Status, "a")],
            report.Results.Where(r => r.Case.Intent == Intent.Status).Select(r => (r.Case.Intent, r.Case.ProcedureId)).Order());
    }

    [Fact]
    public void Fewer_than_two_folds_are_refused()
    {
        using var files = new ProcedureFiles().Add("a.yaml", ProcedureFiles.Valid("a", "làm khai sinh"));

        Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.Run(ProcedureCatalog.Load(files.Directory), 1));
    }
}
