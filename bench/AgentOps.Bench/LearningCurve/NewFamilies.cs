using AgentOps.Orchestration.Planning;
using static AgentOps.Orchestration.Planning.Capabilities;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// Eighteen families of our own for issue 15, in the shipped families' format, with phrasings as people
/// write them (most fall in no category of the classifier, or in the wrong one). Each declares what its
/// tasks truly need (<see cref="TaskFamily.Needs"/>), so a plan composed from a keyword that leaves out the
/// investigation of a postmortem pays for it. Twelve are tuning data: <see cref="Tuned"/>, written before
/// any tuning, and <see cref="SeenUntouched"/>, written as untouched and looked at in stop 25. The six of
/// <see cref="Untouched"/> were written in stop 25 before any tuning of that stop, independently of the
/// planner, and are never looked at while tuning (held out). Each set has one control family whose
/// composed workflow is already the best.
/// </summary>
public static class NewFamilies
{
    private const string Core = "agentops-core:", Dev = "agentops-product-dev:", Ops = "agentops-devops:";

    private static IReadOnlyDictionary<string, AgentTruth> O(params (string Agent, double Success, double Seconds)[] o) =>
        o.ToDictionary(x => x.Agent, x => new AgentTruth(x.Success, x.Seconds), StringComparer.Ordinal);

    /// <summary>A family whose category is its name and whose phrasings all need the same capabilities.</summary>
    private static TaskFamily Family(FamilySplit split, string name, RecordFormat format, string[] phrasings,
        IReadOnlyDictionary<string, AgentTruth> truth, string story, params string[] needs) =>
        new TaskFamily(name, name, format, phrasings, truth, story) { Split = split }.NeedingAll(needs);

    /// <summary>A control family (its composed workflow is already the best), each phrasing with its own needs.</summary>
    private static TaskFamily ControlFamily(FamilySplit split, string name, RecordFormat format,
        IReadOnlyDictionary<string, AgentTruth> truth, string story, params (string Task, string[] Needs)[] tasks) =>
        new TaskFamily(name, name, format, tasks.Select(t => t.Task).ToList(), truth, story)
        {
            Split = split, Control = true,
            Needs = tasks.ToDictionary(t => t.Task, t => (IReadOnlyList<string>)t.Needs, StringComparer.Ordinal),
        };

    /// <summary>Written for issue 15 before any tuning; may be looked at while tuning.</summary>
    public static readonly IReadOnlyList<TaskFamily> Tuned =
    [
        Family(FamilySplit.Tuned, "data-pipeline", RecordFormat.ExecutionJson,
            ["Build a nightly ETL job that loads the sales events into the warehouse", "Backfill the clickstream table from the raw S3 dumps",
             "Add deduplication to the ingestion job for the partner feeds", "Move the hourly aggregation job from cron to Airflow"],
            O((Core + "change-executor", 0.78, 380), (Dev + "database-engineer", 0.96, 300), (Core + "test-generator", 0.75, 200), (Dev + "qa-engineer", 0.95, 240)),
            "a generalist drops or duplicates rows (change-executor 0.78, database-engineer 0.96); tests without sample data miss it (test-generator 0.75, qa-engineer 0.95)",
            ResearchCode, Design, Database, Capabilities.Tests, Validate),
        Family(FamilySplit.Tuned, "accessibility", RecordFormat.Transcript,
            ["Make the checkout form usable with a screen reader", "Fix the color contrast and keyboard focus on the settings page",
             "Audit the signup flow against WCAG 2.2 AA", "Add ARIA labels to the navigation menu"],
            O((Core + "change-executor", 0.75, 360), (Dev + "frontend-engineer", 0.96, 300), (Core + "test-generator", 0.72, 200), (Dev + "qa-engineer", 0.95, 240)),
            "accessible markup is the frontend specialist's trade (change-executor 0.75, frontend-engineer 0.96); unit tests do not exercise a screen reader (test-generator 0.72, qa-engineer 0.95)",
            ResearchCode, ResearchDocs, Design, Frontend, Capabilities.Tests, Validate),
        Family(FamilySplit.Tuned, "incident-postmortem", RecordFormat.Transcript,
            ["Figure out what caused the 502 spike and document the root cause", "Write the postmortem for last night's payment outage",
             "Investigate why the login service paged the on-call at 3am and write up the timeline", "Find the root cause of Friday's data loss and record the lessons learned"],
            O((Core + "change-executor", 0.95, 240)),
            "a postmortem is an investigation (the change history and the code) and then writing; a read-only explorer cannot write the report (misfit 0.40), the generalist writes it well (0.95)",
            ResearchCode, ResearchHistory, Docs, Validate),
        Family(FamilySplit.Tuned, "dependency-upgrade", RecordFormat.ExecutionJson,
            ["Upgrade the project from React 17 to React 18", "Bump Spring Boot to 3.2 and fix whatever breaks",
             "Update every npm package that has a known vulnerability", "Move the service from .NET 6 to .NET 8"],
            O((Core + "change-executor", 0.82, 380), (Dev + "backend-engineer", 0.95, 330), (Dev + "frontend-engineer", 0.95, 300)),
            "breaking changes of a major version need someone who knows the stack (change-executor 0.82; backend-engineer and frontend-engineer 0.95)",
            ResearchCode, ResearchDocs, Design, Implement, Capabilities.Tests, Validate),
        Family(FamilySplit.Tuned, "observability", RecordFormat.Transcript,
            ["Add Prometheus alerts for the queue backlog", "Set up dashboards and alerting for the checkout latency",
             "Page the on-call when the error rate of the API doubles", "Instrument the worker with OpenTelemetry traces"],
            O((Ops + "observability-engineer", 0.97, 180), (Ops + "docker-specialist", 0.65, 200), (Ops + "cicd-engineer", 0.70, 240), (Ops + "kubernetes-specialist", 0.75, 260), (Core + "change-executor", 0.80, 300)),
            "alerts and traces are the observability agent's trade (0.97); container, pipeline and cluster agents guess thresholds (0.65-0.75)",
            ResearchCode, Design, Infrastructure, Validate),
        ControlFamily(FamilySplit.Tuned, "i18n", RecordFormat.ExecutionJson,
            O((Core + "change-executor", 0.96, 300), (Dev + "frontend-engineer", 0.96, 280), (Core + "test-generator", 0.96, 200)),
            "control: string tables and formats are plain edits; the agents the catalog picks do them best (change-executor and frontend-engineer 0.96, test-generator 0.96): only checkpoints help",
            ("Translate the onboarding screens into German and French", [ResearchCode, Design, Implement, Validate]),
            ("Extract the hard-coded strings of the settings page for translation", [ResearchCode, Design, Frontend, Capabilities.Tests, Validate]),
            ("Add right-to-left layout support for Arabic", [ResearchCode, Design, Frontend, Capabilities.Tests, Validate]),
            ("Localize the date and currency formats in the invoices", [ResearchCode, Design, Implement, Validate])),
    ];

    /// <summary>Written for issue 15 as untouched, looked at in stop 25 and moved to tuning.</summary>
    public static readonly IReadOnlyList<TaskFamily> SeenUntouched =
    [
        Family(FamilySplit.Tuned, "security-hardening", RecordFormat.ExecutionJson,
            ["Harden the nginx config and turn on HSTS", "Rotate the API keys and move them into the vault",
             "Lock down the S3 buckets to least privilege", "Put rate limiting in front of the public endpoints"],
            O((Ops + "infrastructure-engineer", 0.96, 280), (Ops + "docker-specialist", 0.72, 200), (Ops + "observability-engineer", 0.65, 180), (Core + "change-executor", 0.78, 360)),
            "hardening is configuration of the platform (infrastructure-engineer 0.96); a generalist or the container agent leave gaps (0.72-0.78)",
            ResearchCode, Design, Risk, Infrastructure, Validate),
        Family(FamilySplit.Tuned, "api-versioning", RecordFormat.Transcript,
            ["Introduce v2 of the orders API without breaking v1 clients", "Deprecate the old search endpoint with a sunset header",
             "Negotiate the API version through the Accept header", "Ship a v3 of the billing API and keep v2 running for a year"],
            O((Core + "spec-architect", 0.82, 150), (Dev + "api-designer", 0.97, 140), (Core + "change-executor", 0.84, 360), (Dev + "backend-engineer", 0.95, 330)),
            "two live versions need a contract (spec-architect 0.82, api-designer 0.97) and someone who knows the backend (change-executor 0.84, backend-engineer 0.95)",
            ResearchCode, Design, Api, Capabilities.Tests, Validate),
        Family(FamilySplit.Tuned, "mobile-release", RecordFormat.ExecutionJson,
            ["Ship version 4.2 of the iOS app to the App Store", "Prepare the Android release build and roll it out to 10 % of users",
             "Cut a release candidate of the mobile app and publish it to TestFlight", "Release the React Native app with the new push notification flow"],
            O((Ops + "cicd-engineer", 0.96, 240), (Ops + "kubernetes-specialist", 0.62, 260), (Ops + "gitops-engineer", 0.70, 260), (Core + "change-executor", 0.84, 300), (Core + "test-generator", 0.80, 200), (Dev + "qa-engineer", 0.96, 240)),
            "store releases go through the build pipeline (cicd-engineer 0.96), not a cluster (kubernetes-specialist 0.62, gitops-engineer 0.70); a release needs device testing (test-generator 0.80, qa-engineer 0.96)",
            ResearchCode, Design, Capabilities.Tests, Validate, Deploy),
        Family(FamilySplit.Tuned, "ml-training", RecordFormat.Transcript,
            ["Train a churn prediction model on last quarter's data", "Retrain the recommendation model with the new features",
             "Tune the hyperparameters of the fraud classifier", "Set up a reproducible training run for the ranking model"],
            O((Core + "change-executor", 0.78, 400), (Dev + "backend-engineer", 0.94, 360), (Core + "test-generator", 0.72, 220), (Dev + "qa-engineer", 0.94, 260)),
            "training code needs an engineer who checks the data (change-executor 0.78, backend-engineer 0.94); a model is validated on held-out data, not unit tests (test-generator 0.72, qa-engineer 0.94)",
            ResearchCode, ResearchDocs, Design, Implement, Capabilities.Tests, Validate),
        Family(FamilySplit.Tuned, "docs-site", RecordFormat.ExecutionJson,
            ["Set up a documentation website with versioned pages", "Turn the wiki into a static docs site",
             "Add search and a sidebar to the developer portal", "Publish the API reference as a browsable site"],
            O((Core + "change-executor", 0.95, 240), (Dev + "frontend-engineer", 0.96, 300)),
            "the pages are writing (change-executor 0.95; an explorer cannot write them) and the site is a frontend (frontend-engineer 0.96, change-executor 0.95)",
            ResearchCode, Design, Docs, Frontend, Validate),
        ControlFamily(FamilySplit.Tuned, "config-change", RecordFormat.Transcript,
            O((Core + "change-executor", 0.96, 240), (Dev + "frontend-engineer", 0.96, 240)),
            "control: one-line settings; the agents the catalog picks do them best (change-executor and frontend-engineer 0.96): only checkpoints help",
            ("Raise the upload size limit to 50 MB", [ResearchCode, Design, Implement, Validate]),
            ("Change the default page size of the listing to 50", [ResearchCode, Design, Frontend, Validate]),
            ("Turn on gzip compression for the responses", [ResearchCode, Design, Implement, Validate]),
            ("Increase the session timeout to two hours", [ResearchCode, Design, Implement, Validate])),
    ];

    /// <summary>Written in stop 25 before any tuning of that stop, without reading the planner; never looked at while tuning (held out).</summary>
    public static readonly IReadOnlyList<TaskFamily> Untouched =
    [
        Family(FamilySplit.Untouched, "payments", RecordFormat.ExecutionJson,
            ["Integrate Stripe Checkout so customers can pay for their subscription", "Handle the webhooks for failed renewals and downgrade the account when the card keeps bouncing",
             "We need to take euros too, hook up Adyen for the European stores", "Prorate the charge when a team switches plans in the middle of the month"],
            O((Core + "change-executor", 0.78, 380), (Dev + "backend-engineer", 0.96, 340), (Core + "test-generator", 0.74, 200), (Dev + "qa-engineer", 0.96, 260)),
            "money paths need idempotent webhooks and the provider's failure cases: a generalist double-charges or drops events (change-executor 0.78, backend-engineer 0.96); happy-path unit tests miss declines and retries (test-generator 0.74, qa-engineer 0.96)",
            ResearchDocs, Design, Risk, Api, Capabilities.Tests, Validate),
        Family(FamilySplit.Untouched, "data-retention", RecordFormat.Transcript,
            ["Delete a user's personal data 30 days after they close their account", "Implement right-to-erasure requests for customer accounts",
             "Purge the raw event logs older than 13 months, legal says we can't keep them", "Anonymize the email addresses and IPs in the analytics tables so we stay compliant"],
            O((Core + "change-executor", 0.76, 380), (Dev + "database-engineer", 0.96, 300), (Core + "test-generator", 0.78, 200), (Dev + "qa-engineer", 0.95, 250)),
            "erasure must reach every table and copy and spare what must be kept: a generalist misses one or deletes too much (change-executor 0.76, database-engineer 0.96); tests on a toy schema prove nothing (test-generator 0.78, qa-engineer 0.95)",
            ResearchCode, Design, Risk, Database, Capabilities.Tests, Validate),
        Family(FamilySplit.Untouched, "feature-flags", RecordFormat.ExecutionJson,
            ["Put the new checkout flow behind a flag and turn it on for 5 % of users first", "Let us switch off the recommendations widget without a redeploy",
             "Only internal accounts should see the beta reporting page for now", "Roll out the new pricing engine gradually, with a kill switch if errors go up"],
            O((Core + "change-executor", 0.82, 360), (Dev + "backend-engineer", 0.95, 330), (Ops + "gitops-engineer", 0.74, 260), (Ops + "kubernetes-specialist", 0.70, 260), (Core + "test-generator", 0.78, 200), (Dev + "qa-engineer", 0.95, 240)),
            "a flag is code with two live paths, ramped by user and not by pod: a generalist breaks the off path (change-executor 0.82, backend-engineer 0.95), cluster agents canary pods or redeploy (kubernetes-specialist 0.70, gitops-engineer 0.74), tests cover only the flag on (test-generator 0.78, qa-engineer 0.95)",
            ResearchCode, Design, Implement, Capabilities.Tests, Deploy, Validate),
        Family(FamilySplit.Untouched, "cloud-cost", RecordFormat.Transcript,
            ["Our AWS bill doubled since March, find out why and bring it back down", "Rightsize the node pools, most of them sit at 10 % CPU",
             "Shut down the staging and dev environments at night and on weekends", "Move the old log archives to a cheaper storage class"],
            O((Ops + "infrastructure-engineer", 0.96, 300), (Ops + "docker-specialist", 0.68, 200), (Ops + "cicd-engineer", 0.72, 240), (Ops + "observability-engineer", 0.70, 180), (Core + "change-executor", 0.80, 340)),
            "cutting spend is sizing and lifecycle of cloud resources (infrastructure-engineer 0.96); slimmer images, pipelines or cost dashboards save little (0.68-0.72), a generalist cuts capacity production needs (change-executor 0.80)",
            ResearchCode, Design, Risk, Infrastructure, Validate),
        Family(FamilySplit.Untouched, "test-flakiness", RecordFormat.ExecutionJson,
            ["OrderServiceTests fail about one run in ten on CI, make them reliable", "The integration tests pass on my machine but keep timing out in the pipeline",
             "Stop the checkout end-to-end test from randomly failing", "Half our PRs need a re-run before they go green, track down the unstable tests and fix them"],
            O((Core + "test-generator", 0.72, 200), (Dev + "qa-engineer", 0.96, 300), (Core + "continuous-validator", 0.84, 120)),
            "a flaky test needs its race found, not retries and sleeps (test-generator 0.72, qa-engineer 0.96), and one green run proves nothing: the fix is checked by many reruns (continuous-validator 0.84, qa-engineer 0.96)",
            ResearchCode, ResearchHistory, Capabilities.Tests, Validate),
        ControlFamily(FamilySplit.Untouched, "cli-feature", RecordFormat.Transcript,
            O((Core + "change-executor", 0.96, 240), (Dev + "backend-engineer", 0.96, 260), (Core + "test-generator", 0.96, 180)),
            "control: a command-line option is a small local edit; the agents the catalog picks do it best (change-executor and backend-engineer 0.96, test-generator 0.96): only checkpoints help",
            ("Add a --dry-run option to the import command that prints what it would change", [ResearchCode, Design, Implement, Capabilities.Tests, Validate]),
            ("Let people pass --output json to the status command so scripts can parse it", [ResearchCode, Design, Implement, Capabilities.Tests, Validate]),
            ("Generate bash and zsh completions for our command line tool", [ResearchCode, ResearchDocs, Implement, Validate]),
            ("Have the CLI read its defaults from ~/.config/acme/config.toml and mention that in --help and the README", [ResearchCode, Design, Implement, Docs, Validate])),
    ];
}
