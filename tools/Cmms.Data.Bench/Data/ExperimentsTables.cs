using System.Globalization;

namespace Cmms.Data.Bench.Data;

/// <summary>
///     Rows of the Experiments area: data sets, HPO campaigns, experiments, training runs, tags, notification
///     preferences and the API request log.
/// </summary>
internal static class ExperimentsTables
{
    private static readonly string[] EventTypes = ["experiment_completed", "experiment_failed", "campaign_finished"];

    public static IEnumerable<TableGenerator> All()
    {
        yield return new("tags", "id, name, created_by", Tags);
        yield return new("datasets", "id, name, created_by, created_at, metadata", Datasets);
        yield return new("hpo_campaigns", "id, dataset_id, created_by, status, created_at", Campaigns);
        yield return new("experiments", "id, dataset_id, hpo_campaign_id, created_by, name, status, config, metrics, created_at", Experiments);
        yield return new("training_runs", "id, experiment_id, epoch, loss, accuracy, created_at", TrainingRuns);
        yield return new("experiment_tags", "experiment_id, tag_id, added_by", ExperimentTags);
        yield return new("notification_preferences", "id, user_id, event_type, channel", NotificationPreferences);
        yield return new("api_request_logs", "id, api_key_id, endpoint, status_code, duration_ms, created_at", ApiRequestLogs);
    }

    private static void Tags(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("tags");
        var words = WordLists.TagWords;
        for (var i = 0; i < context.Rows("tags"); i++)
        {
            var name = i < words.Length ? words[i] : string.Create(CultureInfo.InvariantCulture, $"{words[i % words.Length]}-{(i / words.Length) + 1}");
            rows.Row().Id(i + 1).Text(name).Id(random.Pick(context.MlUserIds));
        }
    }

    private static void Datasets(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("datasets");
        for (var id = 1; id <= context.Rows("datasets"); id++)
        {
            var owner = random.PickSkewed(context.MlUserIds, 1.5);
            var domain = random.Pick(WordLists.DatasetDomains);
            var metadata = random.Chance(0.15) ? null : new JsonText()
                .Add("rows", random.Between(1_000, 5_000_000)).Add("format", random.Chance(0.7) ? "parquet" : "csv")
                .Add("source", "s3://datasets/" + domain + "/")
                .Maybe(random, 0.4, j => j.Add("license", random.Chance(0.5) ? "cc-by-4.0" : "internal"))
                .ToString();
            rows.Row().Id(id).Text(string.Create(CultureInfo.InvariantCulture, $"{domain}-v{id}")).Id(owner)
                .Time(DataTimeline.Between(random, context.UserCreatedAt[owner - 1])).Json(metadata);
        }
    }

    private static void Campaigns(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("hpo_campaigns");
        var count = context.Rows("hpo_campaigns");
        var datasetIds = new long[count];
        for (var i = 0; i < count; i++)
        {
            var owner = random.PickSkewed(context.MlUserIds, 1.5);
            datasetIds[i] = 1 + random.Next(context.Rows("datasets"));
            var status = random.PickWeighted([("completed", 70.0), ("running", 10.0), ("failed", 10.0), ("cancelled", 10.0)]);
            rows.Row().Id(i + 1).Id(datasetIds[i]).Id(owner).Text(status).Time(DataTimeline.Between(random, context.UserCreatedAt[owner - 1]));
        }

        context.CampaignDatasetId = datasetIds;
    }

    private static void Experiments(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("experiments");
        var count = context.Rows("experiments");
        var mlCreatedAt = context.MlUserIds.Select(id => context.UserCreatedAt[id - 1]).ToArray();
        var createdAt = new DateTime[count];
        List<long> trainable = [];
        for (var i = 0; i < count; i++)
        {
            var time = DataTimeline.Growing(i, count);
            var owner = context.MlUserIds[random.Skewed(GenerationContext.CreatedBy(mlCreatedAt, time), 2)];
            createdAt[i] = UsersTables.Max(time, context.UserCreatedAt[owner - 1]);
            long? campaign = random.Chance(0.4) ? 1 + random.Next(context.CampaignDatasetId.Length) : null;
            var dataset = campaign is { } c ? context.CampaignDatasetId[c - 1] : 1 + random.Next(context.Rows("datasets"));
            var recent = DataTimeline.Now - createdAt[i] < TimeSpan.FromDays(3);
            var status = recent && random.Chance(0.6)
                ? random.PickWeighted([("running", 60.0), ("queued", 40.0)])
                : random.PickWeighted([("completed", 70.0), ("failed", 15.0), ("cancelled", 5.0), ("running", 6.0), ("queued", 4.0)]);
            if (status != "queued")
            {
                trainable.Add(i + 1);
            }

            var model = random.PickSkewed(WordLists.MlModels, 1.4);
            var optimizer = random.PickSkewed(WordLists.Optimizers, 1.5);
            var config = new JsonText()
                .Add("model", model).Add("optimizer", optimizer).Add("lr", Math.Round(Math.Pow(10, -1 - (3 * random.NextDouble())), 5))
                .Add("batch_size", 16 << random.Next(5)).Add("epochs", random.Between(5, 60)).Add("seed", random.Next(10_000))
                .Maybe(random, 0.5, j => j.Add("scheduler", random.Pick(WordLists.Schedulers)))
                .Maybe(random, 0.3, j => j.Add("augment", new JsonText().Add("flip", random.Chance(0.7)).Add("crop", 224)))
                .Maybe(random, 0.4, j => j.Add("dropout", Math.Round(random.NextDouble() * 0.5, 2)))
                .Maybe(random, 0.25, j => j.Add("mixed_precision", true))
                .ToString();
            var metrics = status switch
            {
                "completed" => new JsonText().Add("accuracy", Math.Round(0.5 + (0.49 * random.NextDouble()), 4)).Add("loss", Math.Round(random.NextDouble(), 4))
                    .Maybe(random, 0.5, j => j.Add("f1", Math.Round(0.4 + (0.5 * random.NextDouble()), 4))).ToString(),
                "failed" => new JsonText().Add("error", random.Chance(0.6) ? "CUDA out of memory" : "NaN loss").ToString(),
                _ => null,
            };
            rows.Row().Id(i + 1).Id(dataset).Id(campaign).Id(owner).Text(string.Create(CultureInfo.InvariantCulture, $"{model}-{optimizer}-{i + 1}"))
                .Text(status).Json(config).Json(metrics).Time(createdAt[i]);
        }

        context.ExperimentCreatedAt = createdAt;
        context.TrainableExperimentIds = [.. trainable];
    }

    private static void TrainingRuns(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("training_runs");
        var trainable = context.TrainableExperimentIds;
        var nextEpoch = new int[context.Rows("experiments")];
        for (var id = 1; id <= context.Rows("training_runs"); id++)
        {
            // Experiments train concurrently, so their epochs interleave; a per-experiment counter keeps (experiment, epoch) unique.
            var experiment = trainable[random.Skewed(trainable.Length, 1.3)];
            var epoch = nextEpoch[experiment - 1]++;
            var loss = Math.Round((2.5 * Math.Exp(-epoch / 8.0)) + (0.05 * random.NextDouble()), 5);
            rows.Row().Id(id).Id(experiment).Int(epoch).Real(loss).Real(random.Chance(0.2) ? null : Math.Round(1 - (loss / 3), 5))
                .Time(context.ExperimentCreatedAt[experiment - 1].AddMinutes(epoch * random.Between(5, 30)));
        }
    }

    private static void ExperimentTags(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("experiment_tags");
        var count = context.Rows("experiment_tags");
        var tags = context.Rows("tags");
        for (long row = 0; row < count; row++)
        {
            // A stride of 7 is coprime to the 60 tags, so one experiment's tags never repeat.
            var (owner, local) = GenerationContext.Spread(row, count, context.Rows("experiments"));
            rows.Row().Id(owner + 1).Id(1 + ((((long)owner * 13) + (local * 7L)) % tags)).Id(random.Pick(context.MlUserIds));
        }
    }

    private static void NotificationPreferences(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("notification_preferences");
        var count = context.Rows("notification_preferences");
        for (long row = 0; row < count; row++)
        {
            var (owner, local) = GenerationContext.Spread(row, count, context.Rows("users"));
            rows.Row().Id(row + 1).Id(owner + 1).Text(EventTypes[(owner + local) % EventTypes.Length])
                .Text(random.PickWeighted([("email", 60.0), ("push", 30.0), ("none", 10.0)]));
        }
    }

    private static void ApiRequestLogs(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("api_request_logs");
        var count = context.Rows("api_request_logs");
        for (var i = 0; i < count; i++)
        {
            // Append-only in time order: the physical order follows created_at, which is what makes BRIN work (Q24).
            var time = DataTimeline.Growing(i, count);
            var key = 1 + random.Skewed(GenerationContext.CreatedBy(context.ApiKeyCreatedAt, time), 2);
            rows.Row().Id(i + 1).Id(key).Text(random.PickSkewed(WordLists.ApiEndpoints, 1.5)).Int(random.PickWeighted(WordLists.StatusCodes))
                .Int(5 + (int)(3000 * Math.Pow(random.NextDouble(), 6))).Time(UsersTables.Max(time, context.ApiKeyCreatedAt[key - 1]));
        }
    }
}
