using Cmms.Data.Conventions;
using Cmms.Data.Experiments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using static Cmms.Data.Tests.Model.ModelShapes;

namespace Cmms.Data.Tests.Model;

// Index lists are compared sorted by name with strict ordering, so that key column order and sort flags count.
public class ExperimentsModelTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private readonly IModel _model = fixture.Model;

    [Fact]
    public void Experiments_table_has_the_spec_columns_with_jsonb_config_and_metrics()
    {
        ColumnsOf<Experiment>(_model).Should().BeEquivalentTo(new Dictionary<string, (string, bool)>
        {
            ["id"] = ("bigint", false),
            ["dataset_id"] = ("bigint", false),
            ["hpo_campaign_id"] = ("bigint", true),
            ["created_by"] = ("bigint", false),
            ["name"] = ("character varying(200)", false),
            ["status"] = ("character varying(20)", false),
            ["config"] = ("jsonb", true),
            ["metrics"] = ("jsonb", true),
            ["created_at"] = ("timestamp with time zone", false),
        });
    }

    [Fact]
    public void Experiment_tags_use_the_added_by_column_name_of_the_spec()
    {
        ColumnsOf<ExperimentTag>(_model).Should().BeEquivalentTo(new Dictionary<string, (string, bool)>
        {
            ["experiment_id"] = ("bigint", false),
            ["tag_id"] = ("bigint", false),
            ["added_by"] = ("bigint", false),
        });
    }

    [Fact]
    public void Api_request_logs_have_the_spec_columns()
    {
        ColumnsOf<ApiRequestLog>(_model).Should().BeEquivalentTo(new Dictionary<string, (string, bool)>
        {
            ["id"] = ("bigint", false),
            ["api_key_id"] = ("bigint", false),
            ["endpoint"] = ("text", false),
            ["status_code"] = ("integer", false),
            ["duration_ms"] = ("integer", false),
            ["created_at"] = ("timestamp with time zone", false),
        });
    }

    [Fact]
    public void Training_runs_epoch_is_checked_non_negative()
    {
        CheckConstraintsOf<TrainingRun>(_model).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["ck_training_runs_epoch"] = "epoch >= 0",
        });
    }

    [Fact]
    public void Experiments_restrict_deleting_data_set_and_creator_and_forget_a_deleted_campaign()
    {
        ForeignKeysOf<Experiment>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_experiments_datasets_dataset_id", ["dataset_id"], "datasets", ReferentialAction.Restrict),
            new ForeignKeyShape("fk_experiments_hpo_campaigns_hpo_campaign_id", ["hpo_campaign_id"], "hpo_campaigns", ReferentialAction.SetNull),
            new ForeignKeyShape("fk_experiments_users_created_by", ["created_by"], "users", ReferentialAction.Restrict),
        });
    }

    [Fact]
    public void Rows_owned_by_an_experiment_or_a_user_are_deleted_with_it_and_references_to_reference_data_restrict()
    {
        ForeignKeysOf<TrainingRun>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_training_runs_experiments_experiment_id", ["experiment_id"], "experiments", ReferentialAction.Cascade),
        });
        ForeignKeysOf<ExperimentTag>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_experiment_tags_experiments_experiment_id", ["experiment_id"], "experiments", ReferentialAction.Cascade),
            new ForeignKeyShape("fk_experiment_tags_tags_tag_id", ["tag_id"], "tags", ReferentialAction.Restrict),
            new ForeignKeyShape("fk_experiment_tags_users_added_by", ["added_by"], "users", ReferentialAction.Restrict),
        });
        ForeignKeysOf<NotificationPreference>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_notification_preferences_users_user_id", ["user_id"], "users", ReferentialAction.Cascade),
        });
        ForeignKeysOf<HpoCampaign>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_hpo_campaigns_datasets_dataset_id", ["dataset_id"], "datasets", ReferentialAction.Restrict),
            new ForeignKeyShape("fk_hpo_campaigns_users_created_by", ["created_by"], "users", ReferentialAction.Restrict),
        });
        ForeignKeysOf<Dataset>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_datasets_users_created_by", ["created_by"], "users", ReferentialAction.Restrict),
        });
        ForeignKeysOf<ApiRequestLog>(_model).Should().BeEquivalentTo(new[]
        {
            new ForeignKeyShape("fk_api_request_logs_api_keys_api_key_id", ["api_key_id"], "api_keys", ReferentialAction.Restrict),
        });
    }

    [Fact]
    public void Experiments_keep_the_q16_and_gin_config_indexes_and_get_foreign_key_indexes_for_data_set_and_campaign()
    {
        IndexesOf<Experiment>(_model).OrderBy(i => i.Name, StringComparer.Ordinal).Should().BeEquivalentTo(
            new[]
            {
                new IndexShape(
                    "ix_experiments_config", ["config"], IsUnique: false, IsDescending: [false], Method: "gin", Operators: ["jsonb_path_ops"]),
                new IndexShape("ix_experiments_created_at", ["created_at"], IsUnique: false, IsDescending: [true]),
                new IndexShape(
                    "ix_experiments_created_by_status_created_at", ["created_by", "status", "created_at"], IsUnique: false,
                    IsDescending: [false, false, true]),
                new IndexShape("ix_experiments_dataset_id", ["dataset_id"], IsUnique: false, IsDescending: [false]),
                new IndexShape("ix_experiments_hpo_campaign_id", ["hpo_campaign_id"], IsUnique: false, IsDescending: [false]),
                new IndexShape("ix_experiments_status", ["status"], IsUnique: false, IsDescending: [false]),
            },
            o => o.WithStrictOrdering());
        PrunedIndexesOf(_model, "experiments").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex(
                "ix_experiments_created_by", "experiments", ["created_by"], PrunedIndexReason.ForeignKeyCovered,
                "ix_experiments_created_by_status_created_at"),
        });
    }

    [Fact]
    public void Experiment_tags_index_duplicating_the_primary_key_is_pruned_and_the_declared_tag_id_index_serves_the_tag_foreign_key()
    {
        var table = _model.FindEntityType(typeof(ExperimentTag))!.GetTableMappings().Single().Table;
        table.PrimaryKey!.Name.Should().Be("pk_experiment_tags");
        table.PrimaryKey.Columns.Select(c => c.Name).Should().Equal("experiment_id", "tag_id");

        IndexesOf<ExperimentTag>(_model).OrderBy(i => i.Name, StringComparer.Ordinal).Should().BeEquivalentTo(
            new[]
            {
                new IndexShape("ix_experiment_tags_added_by", ["added_by"], IsUnique: false, IsDescending: [false]),
                new IndexShape("ix_experiment_tags_tag_id", ["tag_id"], IsUnique: false, IsDescending: [false]),
            },
            o => o.WithStrictOrdering());
        PrunedIndexesOf(_model, "experiment_tags").Should().BeEquivalentTo(
            new[]
            {
                new PrunedIndex(
                    "ix_experiment_tags_experiment_id_tag_id", "experiment_tags", ["experiment_id", "tag_id"], PrunedIndexReason.DuplicateOfKey,
                    "pk_experiment_tags"),
            },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Notification_preferences_index_duplicating_the_unique_constraint_is_pruned()
    {
        var table = _model.FindEntityType(typeof(NotificationPreference))!.GetTableMappings().Single().Table;
        var uniqueConstraint = table.UniqueConstraints.Should().ContainSingle(u => u != table.PrimaryKey).Subject;
        uniqueConstraint.Name.Should().Be("ak_notification_preferences_user_id_event_type");
        uniqueConstraint.Columns.Select(c => c.Name).Should().Equal("user_id", "event_type");

        IndexesOf<NotificationPreference>(_model).Should().BeEmpty();
        PrunedIndexesOf(_model, "notification_preferences").Should().BeEquivalentTo(
            new[]
            {
                new PrunedIndex(
                    "ix_notification_preferences_user_id_event_type", "notification_preferences", ["user_id", "event_type"],
                    PrunedIndexReason.DuplicateOfKey, "ak_notification_preferences_user_id_event_type"),
            },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Training_runs_unique_epoch_index_serves_the_experiment_foreign_key()
    {
        IndexesOf<TrainingRun>(_model).Should().BeEquivalentTo(
            new[] { new IndexShape("ux_training_runs_experiment_id_epoch", ["experiment_id", "epoch"], IsUnique: true, IsDescending: [false, false]) },
            o => o.WithStrictOrdering());
        PrunedIndexesOf(_model, "training_runs").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex(
                "ix_training_runs_experiment_id", "training_runs", ["experiment_id"], PrunedIndexReason.ForeignKeyCovered,
                "ux_training_runs_experiment_id_epoch"),
        });
    }

    [Fact]
    public void Api_request_logs_created_at_index_is_brin_beside_the_newest_first_key_index()
    {
        IndexesOf<ApiRequestLog>(_model).OrderBy(i => i.Name, StringComparer.Ordinal).Should().BeEquivalentTo(
            new[]
            {
                new IndexShape(
                    "ix_api_request_logs_api_key_id_created_at", ["api_key_id", "created_at"], IsUnique: false, IsDescending: [false, true]),
                new IndexShape("ix_api_request_logs_created_at", ["created_at"], IsUnique: false, IsDescending: [false], Method: "brin"),
            },
            o => o.WithStrictOrdering());
        PrunedIndexesOf(_model, "api_request_logs").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex(
                "ix_api_request_logs_api_key_id", "api_request_logs", ["api_key_id"], PrunedIndexReason.ForeignKeyCovered,
                "ix_api_request_logs_api_key_id_created_at"),
        });
    }

    [Fact]
    public void Data_sets_campaigns_and_tags_keep_their_declared_indexes_and_foreign_keys_get_one_index_each()
    {
        IndexesOf<Dataset>(_model).Should().BeEquivalentTo(new[]
        {
            new IndexShape("ix_datasets_created_by", ["created_by"], IsUnique: false, IsDescending: [false]),
        });
        IndexesOf<HpoCampaign>(_model).OrderBy(i => i.Name, StringComparer.Ordinal).Should().BeEquivalentTo(
            new[]
            {
                new IndexShape("ix_hpo_campaigns_created_by_status", ["created_by", "status"], IsUnique: false, IsDescending: [false, false]),
                new IndexShape("ix_hpo_campaigns_dataset_id", ["dataset_id"], IsUnique: false, IsDescending: [false]),
                new IndexShape("ix_hpo_campaigns_status", ["status"], IsUnique: false, IsDescending: [false]),
            },
            o => o.WithStrictOrdering());
        IndexesOf<Tag>(_model).OrderBy(i => i.Name, StringComparer.Ordinal).Should().BeEquivalentTo(
            new[]
            {
                new IndexShape("ix_tags_created_by", ["created_by"], IsUnique: false, IsDescending: [false]),
                new IndexShape("ux_tags_name", ["name"], IsUnique: true, IsDescending: [false]),
            },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Declared_indexes_that_are_exactly_a_foreign_key_index_are_not_reported_as_pruned()
    {
        PrunedIndexesOf(_model, "datasets").Should().BeEmpty();
        PrunedIndexesOf(_model, "hpo_campaigns").Should().BeEquivalentTo(new[]
        {
            new PrunedIndex(
                "ix_hpo_campaigns_created_by", "hpo_campaigns", ["created_by"], PrunedIndexReason.ForeignKeyCovered,
                "ix_hpo_campaigns_created_by_status"),
        });
        PrunedIndexesOf(_model, "tags").Should().BeEmpty();
    }

    [Fact]
    public void Experiments_area_reports_no_index_as_pruned_that_is_still_in_the_model()
    {
        PrunedIndexNamesStillInModel(
                _model,
                "datasets",
                "hpo_campaigns",
                "experiments",
                "training_runs",
                "tags",
                "experiment_tags",
                "notification_preferences",
                "api_request_logs")
            .Should().BeEmpty();
    }
}
