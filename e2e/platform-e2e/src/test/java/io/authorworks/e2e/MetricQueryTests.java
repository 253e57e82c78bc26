package io.authorworks.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Reading metric selectors out of PromQL as the dashboards and alert rules write it.
 */
class MetricQueryTests {

	@Test
	void aggregationsFunctionsRangesAndGrafanaVariablesAreNotMetrics() {
		MetricQuery query = MetricQuery.parse("test",
				"sum by (service, le) (rate(http_server_requests_seconds_bucket{job=\"authorworks\","
						+ "service=~\"$service\",uri!~\".*/events\"}[$__rate_interval])) > 0.5");
		assertThat(query.selectors()).containsExactly(new MetricQuery.Selector("http_server_requests_seconds_bucket",
				Map.of("job", "=\"authorworks\"", "service", "=~\"$service\"", "uri", "!~\".*/events\"")));
		assertThat(query.groupingLabels()).containsExactlyInAnyOrder("service", "le");
	}

	@Test
	void aClauseAfterTheArgumentsAndBinaryOperatorsBetweenSelectors() {
		MetricQuery query = MetricQuery.parse("test",
				"sum(rate(a_total{job=\"x\"}[5m])) without (instance) / on (service) group_left max(b) "
						+ "or absent(up{job=\"x\",service=\"c\"}) unless vector(0)");
		assertThat(query.selectors()).extracting(MetricQuery.Selector::metric).containsExactly("a_total", "b", "up");
		assertThat(query.groupingLabels()).containsExactlyInAnyOrder("instance", "service");
		assertThat(query.selectors().get(2).equalTo("service")).isEqualTo("c");
		assertThat(query.selectors().get(1).equalTo("job")).isNull();
	}

	@Test
	void stringsMayHoldBracesAndTheNameMayBeAMatcher() {
		MetricQuery query = MetricQuery.parse("test",
				"count_values(\"v}\", {__name__=\"jvm_info\", uri=\"/books/{id}\"}) offset 1h");
		assertThat(query.selectors())
			.containsExactly(new MetricQuery.Selector("jvm_info", Map.of("uri", "=\"/books/{id}\"")));
	}

	@Test
	void grafanaLabelValuesNamesItsLabel() {
		MetricQuery query = MetricQuery.parse("test", "label_values(up{job=\"authorworks\"}, service)");
		assertThat(query.selectors()).extracting(MetricQuery.Selector::metric).containsExactly("up");
		assertThat(query.groupingLabels()).containsExactly("service");
	}

	@Test
	void unreadableMatchersAreRefusedRatherThanSkipped() {
		assertThatIllegalArgumentException().isThrownBy(() -> MetricQuery.parse("test", "a{job=authorworks}"));
		assertThatIllegalArgumentException().isThrownBy(() -> MetricQuery.parse("test", "a{job=\"x\""));
	}

	@Test
	void readsEveryDashboardPanelVariableAndAlertRuleUnderDeploy() throws Exception {
		List<MetricQuery> queries = MetricQuery.inDeploy(Path.of("../../deploy").toAbsolutePath().normalize());
		assertThat(queries).extracting(MetricQuery::source)
			.anyMatch((source) -> source.startsWith("messaging.json panel"))
			.anyMatch((source) -> source.startsWith("service-health-overview.json variable service"))
			.anyMatch((source) -> source.equals("alerts.yml AuthorWorksDeployableDown"));
		assertThat(queries).allSatisfy((query) -> assertThat(query.selectors()).as(query.source()).isNotEmpty());
	}

}
