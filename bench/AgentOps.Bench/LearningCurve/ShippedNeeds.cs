using AgentOps.Orchestration.Planning;
using static AgentOps.Orchestration.Planning.Capabilities;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// What each phrasing of the ten shipped families truly needs: the capabilities the planner's analyzer
/// asked for when those families were written (issue 8), frozen here so that a change of the analyzer
/// (issue 15: composition by meaning) is judged against the same truth instead of moving it.
/// </summary>
public static class ShippedNeeds
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ByPhrasing = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["Add OAuth2 login to the REST API"] = [ResearchCode, ResearchDocs, Design, Risk, ValidationPlan, Api, Capabilities.Tests, Validate],
        ["Implement JWT authentication for the mobile backend"] = [ResearchCode, Design, Api, Capabilities.Tests, Validate],
        ["Add single sign-on with SAML for the admin console"] = [ResearchCode, ResearchDocs, Design, Implement, Capabilities.Tests, Validate],
        ["Replace the password login with OIDC sign-in"] = [ResearchCode, ResearchDocs, Design, Risk, ValidationPlan, Implement, Capabilities.Tests, Validate],
        ["Deploy the payments service to Kubernetes with Helm"] = [ResearchCode, Design, Risk, ValidationPlan, Infrastructure, Validate, Deploy],
        ["Roll out the checkout service on the k8s cluster"] = [ResearchCode, Design, Infrastructure, Validate],
        ["Write a Helm chart and deploy the worker"] = [ResearchCode, Design, Risk, ValidationPlan, Infrastructure, Validate, Deploy],
        ["Set up an ingress and deploy the web app to the cluster"] = [ResearchCode, Design, Risk, ValidationPlan, Infrastructure, Validate, Deploy],
        ["Migrate the orders database schema to Postgres 16"] = [ResearchCode, Design, Risk, ValidationPlan, Database, Capabilities.Tests, Validate],
        ["Add a migration that splits the users table"] = [ResearchCode, Design, Risk, ValidationPlan, Database, Capabilities.Tests, Validate],
        ["Move the reporting queries from MySQL to Postgres"] = [ResearchCode, Design, Database, Capabilities.Tests, Validate],
        ["Write a schema migration for soft deletes in the database"] = [ResearchCode, Design, Risk, ValidationPlan, Database, Capabilities.Tests, Validate],
        ["Fix the crash when saving a draft"] = [ResearchCode, ResearchHistory, Design, Implement, Capabilities.Tests, Validate],
        ["Fix the regression in the invoice totals"] = [ResearchCode, ResearchHistory, Design, Implement, Capabilities.Tests, Validate],
        ["The export fails with a null reference exception, fix it"] = [ResearchCode, ResearchHistory, Design, Implement, Capabilities.Tests, Validate],
        ["Fix the broken pagination of the search results"] = [ResearchCode, ResearchHistory, Design, Implement, Capabilities.Tests, Validate],
        ["Refactor the billing module into smaller services"] = [ResearchCode, Design, Risk, ValidationPlan, Implement, Capabilities.Tests, Validate],
        ["Clean up the legacy notification code"] = [ResearchCode, ResearchHistory, Design, Implement, Capabilities.Tests, Validate],
        ["Extract the pricing rules into their own class"] = [ResearchCode, Design, Implement, Capabilities.Tests, Validate],
        ["Simplify and decouple the order workflow"] = [ResearchCode, Design, Implement, Capabilities.Tests, Validate],
        ["Write the README for the command line tool"] = [ResearchCode, Docs, Validate],
        ["Add docstrings to the storage module"] = [ResearchCode, Docs, Validate],
        ["Write a tutorial for the plugin system"] = [ResearchCode, Docs, Validate],
        ["Update the changelog with the new flags"] = [ResearchCode, Docs, Validate],
        ["Speed up the slow search endpoint"] = [ResearchCode, Design, Api, Capabilities.Tests, Validate],
        ["Reduce the latency of the checkout page"] = [ResearchCode, Design, Frontend, Capabilities.Tests, Validate],
        ["Find and fix the memory leak in the worker"] = [ResearchCode, ResearchHistory, Design, Implement, Capabilities.Tests, Validate],
        ["Optimize the image resizing job and cache the results"] = [ResearchCode, Design, Implement, Capabilities.Tests, Validate],
        ["Security audit of the file upload handler"] = [ResearchCode, Design, Risk, ValidationPlan, Implement, Capabilities.Tests, Validate],
        ["Check the login form for XSS and CSRF"] = [ResearchCode, Design, Frontend, Capabilities.Tests, Validate],
        ["Audit the dependencies for known CVEs"] = [ResearchCode, Design, Implement, Capabilities.Tests, Validate],
        ["Review the API for injection vulnerabilities"] = [ResearchCode, Design, Api, Capabilities.Tests, Validate],
        ["Set up a GitHub Actions build pipeline"] = [ResearchCode, Design, Infrastructure, Validate],
        ["Add a Jenkins pipeline that runs the linters"] = [ResearchCode, Design, Infrastructure, Validate],
        ["Move the release pipeline from Jenkins to GitLab-CI"] = [ResearchCode, Design, Infrastructure, Validate, Deploy],
        ["Cache the dependencies in the build pipeline"] = [ResearchCode, Design, Infrastructure, Validate],
        ["Add a paginated REST endpoint for invoices"] = [ResearchCode, Design, Api, Capabilities.Tests, Validate],
        ["Expose the product search as a GraphQL API"] = [ResearchCode, Design, Api, Capabilities.Tests, Validate],
        ["Add a gRPC endpoint for the stock levels"] = [ResearchCode, Design, Api, Capabilities.Tests, Validate],
        ["Version the public REST API endpoints"] = [ResearchCode, Design, Api, Capabilities.Tests, Validate],
    };
}
