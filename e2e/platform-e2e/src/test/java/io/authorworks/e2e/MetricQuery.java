package io.authorworks.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.authorworks.platform.test.OidcTestClient;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * One PromQL query that deploy/ asks Prometheus (a Grafana dashboard's panel or template
 * variable, or an alert rule), broken down into the metric selectors it reads and the
 * labels it groups by.
 *
 * <p>
 * The lexer knows enough PromQL for queries as people write them: strings, label
 * matchers, range and subquery brackets, function calls, keywords, grouping clauses and
 * Grafana's {@code $variables}; a metric name is an identifier that is not called, not a
 * keyword and not inside braces, brackets or a grouping clause.
 *
 * @param source where the query is (file and panel or rule)
 * @param expression the query as written
 * @param selectors the metric selectors it reads
 * @param groupingLabels the labels of its {@code by}, {@code without}, {@code on} and
 * {@code ignoring} clauses (and of {@code label_values})
 */
record MetricQuery(String source, String expression, List<Selector> selectors, Set<String> groupingLabels) {

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan",
			"by", "without", "on", "ignoring", "group_left", "group_right",
			// Aggregation operators, which may stand before their by/without clause.
			"sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
			"quantile", "limitk", "limit_ratio");

	private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

	private static final Pattern LABEL_VALUES = Pattern
		.compile("^\\s*label_values\\((.*),\\s*([a-zA-Z_]\\w*)\\s*\\)\\s*$", Pattern.DOTALL);

	private static final Pattern MATCHER = Pattern.compile(
			"\\s*([a-zA-Z_]\\w*)\\s*(=~|!~|!=|=)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`)\\s*,?");

	/**
	 * One metric selector.
	 *
	 * @param metric the metric name
	 * @param matchers label name to matcher, such as {@code job -> ="authorworks"}
	 */
	record Selector(String metric, Map<String, String> matchers) {

		/** The value an equality matcher on this label asks for, if it has one. */
		String equalTo(String label) {
			String matcher = this.matchers.get(label);
			if (matcher == null || !matcher.startsWith("=") || matcher.startsWith("=~")) {
				return null;
			}
			return matcher.substring(2, matcher.length() - 1);
		}

	}

	/** Every query in deploy/grafana/dashboards and deploy/prometheus/alerts.yml. */
	static List<MetricQuery> inDeploy(Path deploy) throws IOException {
		List<MetricQuery> queries = new ArrayList<>();
		try (Stream<Path> files = Files.list(deploy.resolve("grafana/dashboards"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				JsonNode dashboard = OidcTestClient.json(Files.readString(file));
				for (JsonNode variable : dashboard.path("templating").path("list")) {
					if ("prometheus".equals(variable.path("datasource").path("type").asString(""))) {
						String query = variable.path("query").isObject()
								? variable.path("query").path("query").asString() : variable.path("query").asString();
						queries.add(parse(file.getFileName() + " variable " + variable.path("name").asString(), query));
					}
				}
				panels(file.getFileName().toString(), dashboard.path("panels"), queries);
			}
		}
		try (Reader reader = Files.newBufferedReader(deploy.resolve("prometheus/alerts.yml"))) {
			Map<String, Object> rules = new Yaml().load(reader);
			for (Object group : (List<?>) rules.get("groups")) {
				for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
					Map<?, ?> fields = (Map<?, ?>) rule;
					String name = String
						.valueOf(fields.containsKey("alert") ? fields.get("alert") : fields.get("record"));
					queries.add(parse("alerts.yml " + name, String.valueOf(fields.get("expr"))));
				}
			}
		}
		return queries;
	}

	private static void panels(String file, JsonNode panels, List<MetricQuery> queries) {
		for (JsonNode panel : panels) {
			panels(file, panel.path("panels"), queries);
			if (!"prometheus".equals(panel.path("datasource").path("type").asString(""))) {
				continue;
			}
			for (JsonNode target : panel.path("targets")) {
				queries.add(parse(file + " panel '" + panel.path("title").asString() + "'",
						target.path("expr").asString()));
			}
		}
	}

	/** Breaks one query down. */
	static MetricQuery parse(String source, String expression) {
		List<Selector> selectors = new ArrayList<>();
		Set<String> grouping = new LinkedHashSet<>();
		Matcher labelValues = LABEL_VALUES.matcher(expression);
		String promql = expression;
		if (labelValues.matches()) {
			promql = labelValues.group(1);
			grouping.add(labelValues.group(2));
		}
		int i = 0;
		int n = promql.length();
		String pendingMetric = null;
		while (i < n) {
			char c = promql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '"' || c == '\'' || c == '`') {
				i = endOfString(promql, i);
				pendingMetric = flush(pendingMetric, selectors);
			}
			else if (c == '{') {
				int end = closingBrace(promql, i);
				if (end < 0) {
					throw new IllegalArgumentException(source + ": unclosed { in " + expression);
				}
				Map<String, String> matchers = matchers(source, promql.substring(i + 1, end));
				String metric = (pendingMetric != null) ? pendingMetric : unquote(matchers.remove("__name__"));
				if (metric == null) {
					throw new IllegalArgumentException(source + ": a selector without a metric name in " + expression);
				}
				selectors.add(new Selector(metric, matchers));
				pendingMetric = null;
				i = end + 1;
			}
			else if (c == '[') {
				pendingMetric = flush(pendingMetric, selectors);
				int end = promql.indexOf(']', i);
				i = (end < 0) ? n : end + 1;
			}
			else if (c == '$') {
				// A Grafana variable such as $__rate_interval or ${service}.
				i++;
				if (i < n && promql.charAt(i) == '{') {
					i = promql.indexOf('}', i) + 1;
				}
				while (i < n && isWordPart(promql.charAt(i))) {
					i++;
				}
			}
			else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(promql.charAt(i + 1)))) {
				// A number or a duration.
				while (i < n && (isWordPart(promql.charAt(i)) || promql.charAt(i) == '.')) {
					i++;
				}
				pendingMetric = flush(pendingMetric, selectors);
			}
			else if (Character.isLetter(c) || c == '_' || c == ':') {
				int start = i;
				while (i < n && (isWordPart(promql.charAt(i)) || promql.charAt(i) == ':')) {
					i++;
				}
				String word = promql.substring(start, i);
				pendingMetric = flush(pendingMetric, selectors);
				int next = skipSpace(promql, i);
				boolean called = next < n && promql.charAt(next) == '(';
				if (GROUPING.contains(word.toLowerCase(Locale.ROOT))) {
					if (called) {
						int end = promql.indexOf(')', next);
						for (String label : promql.substring(next + 1, end).split(",")) {
							if (!label.isBlank()) {
								grouping.add(label.strip());
							}
						}
						i = end + 1;
					}
				}
				else if (!called && !KEYWORDS.contains(word.toLowerCase(Locale.ROOT))) {
					pendingMetric = word;
				}
			}
			else {
				pendingMetric = flush(pendingMetric, selectors);
				i++;
			}
		}
		flush(pendingMetric, selectors);
		return new MetricQuery(source, expression, List.copyOf(selectors), Set.copyOf(grouping));
	}

	private static String flush(String pendingMetric, List<Selector> selectors) {
		if (pendingMetric != null) {
			selectors.add(new Selector(pendingMetric, Map.of()));
		}
		return null;
	}

	private static Map<String, String> matchers(String source, String inside) {
		Map<String, String> matchers = new LinkedHashMap<>();
		Matcher matcher = MATCHER.matcher(inside);
		int at = 0;
		while (at < inside.length()) {
			if (!matcher.find(at) || matcher.start() != at) {
				if (inside.substring(at).isBlank()) {
					break;
				}
				throw new IllegalArgumentException(source + ": cannot read label matchers {" + inside + "}");
			}
			matchers.put(matcher.group(1), matcher.group(2) + matcher.group(3));
			at = matcher.end();
		}
		return matchers;
	}

	private static String unquote(String matcher) {
		if (matcher == null || !matcher.startsWith("=") || matcher.startsWith("=~")) {
			return null;
		}
		return matcher.substring(2, matcher.length() - 1);
	}

	private static int closingBrace(String text, int open) {
		int i = open + 1;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '}') {
				return i;
			}
			i = (c == '"' || c == '\'' || c == '`') ? endOfString(text, i) : i + 1;
		}
		return -1;
	}

	private static int endOfString(String text, int start) {
		char quote = text.charAt(start);
		int i = start + 1;
		while (i < text.length() && text.charAt(i) != quote) {
			i += (text.charAt(i) == '\\' && quote != '`') ? 2 : 1;
		}
		return i + 1;
	}

	private static int skipSpace(String text, int i) {
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

	private static boolean isWordPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

}
