package io.authorworks.launcher.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.authorworks.launcher.LauncherException;

/**
 * The deployables the launcher knows, read from {@code deployables.properties}: adding a
 * service there takes a few lines and no code.
 *
 * <p>
 * Keys are {@code <name>.<attribute>}; {@code platform.*} keys hold the URLs every
 * deployable is told about (public URL, JWKS and token endpoints).
 */
public final class DeployableRegistry {

	/** The registry that ships with the launcher. */
	public static final String RESOURCE = "/deployables.properties";

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

	private static final Set<String> ATTRIBUTES = Set.of("jar", "port", "schema", "uses", "scopes", "after",
			"migrated-by", "replicas", "mail", "jvm");

	private static final Set<String> PLATFORM_KEYS = Set.of("public-url", "jwks-uri", "token-uri");

	private final List<Deployable> deployables;

	private final Map<String, String> platform;

	private DeployableRegistry(List<Deployable> deployables, Map<String, String> platform) {
		this.deployables = List.copyOf(deployables);
		this.platform = Map.copyOf(platform);
	}

	/** The registry shipped in the launcher jar. */
	public static DeployableRegistry load() {
		try (InputStream in = DeployableRegistry.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new LauncherException(RESOURCE + " is missing from the launcher");
			}
			return read(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new LauncherException("could not read " + RESOURCE + ": " + ex.getMessage(), ex);
		}
	}

	/** Reads and checks a registry. */
	public static DeployableRegistry read(Reader reader) throws IOException {
		Properties properties = new Properties();
		properties.load(reader);
		Map<String, Map<String, String>> byName = new TreeMap<>();
		Map<String, String> platform = new HashMap<>();
		for (String key : properties.stringPropertyNames()) {
			String value = properties.getProperty(key).strip();
			int dot = key.indexOf('.');
			if (dot <= 0) {
				throw new LauncherException("registry key '" + key + "' is not <name>.<attribute>");
			}
			String name = key.substring(0, dot);
			String attribute = key.substring(dot + 1);
			if ("platform".equals(name)) {
				if (!PLATFORM_KEYS.contains(attribute)) {
					throw new LauncherException("unknown registry key '" + key + "'");
				}
				platform.put(attribute, value);
				continue;
			}
			if (!NAME.matcher(name).matches()) {
				throw new LauncherException("deployable name '" + name + "' must be lower-case letters, digits, '-'");
			}
			if (!ATTRIBUTES.contains(attribute) && !attribute.startsWith("env.")) {
				throw new LauncherException("unknown registry key '" + key + "'");
			}
			byName.computeIfAbsent(name, (n) -> new HashMap<>()).put(attribute, value);
		}
		for (String key : PLATFORM_KEYS) {
			if (!platform.containsKey(key)) {
				throw new LauncherException("the registry must set platform." + key);
			}
		}
		Placeholders.validate(platform.values());
		List<Deployable> declared = new ArrayList<>();
		byName.forEach((name, attributes) -> declared.add(toDeployable(name, attributes)));
		for (Deployable deployable : declared) {
			if (deployable.uses() != null
					&& declared.stream().noneMatch((owner) -> deployable.uses().equals(owner.schema()))) {
				throw new LauncherException("deployable " + deployable.name() + " uses schema " + deployable.uses()
						+ ", which no deployable owns");
			}
		}
		return new DeployableRegistry(startOrder(declared), platform);
	}

	private static Deployable toDeployable(String name, Map<String, String> attributes) {
		String jar = attributes.get("jar");
		if (jar == null || jar.isEmpty()) {
			throw new LauncherException("deployable " + name + " has no jar");
		}
		int port = integer(name, "port", attributes.get("port"), 0);
		if (port < 1 || port > 65535) {
			throw new LauncherException("deployable " + name + " needs a port between 1 and 65535");
		}
		int replicas = integer(name, "replicas", attributes.get("replicas"), 1);
		if (replicas < 1) {
			throw new LauncherException("deployable " + name + " needs at least one replica");
		}
		String schema = attributes.getOrDefault("schema", "");
		String uses = attributes.getOrDefault("uses", "");
		if (!schema.isEmpty() && !uses.isEmpty()) {
			throw new LauncherException("deployable " + name + " owns a schema, so it cannot also use another's");
		}
		Map<String, String> env = new TreeMap<>();
		attributes.forEach((key, value) -> {
			if (key.startsWith("env.")) {
				env.put(key.substring("env.".length()), value);
			}
		});
		Placeholders.validate(env.values());
		return new Deployable(name, jar, port, schema.isEmpty() ? null : schema, uses.isEmpty() ? null : uses,
				words(attributes.get("scopes"), "\\s+"), words(attributes.get("after"), "\\s*,\\s*"),
				words(attributes.get("migrated-by"), "\\s*,\\s*"), replicas,
				Boolean.parseBoolean(attributes.getOrDefault("mail", "false")), env,
				words(attributes.get("jvm"), "\\s+"));
	}

	private static int integer(String name, String attribute, @Nullable String value, int fallback) {
		if (value == null || value.isEmpty()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new LauncherException("deployable " + name + ": " + attribute + " '" + value + "' is not a number");
		}
	}

	private static List<String> words(@Nullable String value, String separator) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.strip().split(separator)).filter((word) -> !word.isEmpty()).toList();
	}

	/**
	 * Orders deployables so each comes after everything it may wait for (ties by name),
	 * rejecting unknown names and cycles.
	 */
	private static List<Deployable> startOrder(List<Deployable> declared) {
		Map<String, Deployable> byName = new LinkedHashMap<>();
		declared.forEach((deployable) -> byName.put(deployable.name(), deployable));
		for (Deployable deployable : declared) {
			for (String dependency : waitsFor(deployable)) {
				if (!byName.containsKey(dependency)) {
					throw new LauncherException(
							"deployable " + deployable.name() + " waits for unknown deployable " + dependency);
				}
			}
		}
		List<Deployable> ordered = new ArrayList<>();
		Set<String> placed = new TreeSet<>();
		while (ordered.size() < declared.size()) {
			boolean progress = false;
			for (Deployable deployable : byName.values()) {
				if (!placed.contains(deployable.name()) && placed.containsAll(waitsFor(deployable))) {
					ordered.add(deployable);
					placed.add(deployable.name());
					progress = true;
				}
			}
			if (!progress) {
				List<String> stuck = byName.keySet().stream().filter((name) -> !placed.contains(name)).toList();
				throw new LauncherException("deployables wait for each other in a cycle: " + stuck);
			}
		}
		return ordered;
	}

	private static List<String> waitsFor(Deployable deployable) {
		List<String> all = new ArrayList<>(deployable.after());
		all.addAll(deployable.migratedBy());
		return all;
	}

	/**
	 * Every deployable, in an order that respects {@code after} and {@code migrated-by}.
	 */
	public List<Deployable> deployables() {
		return this.deployables;
	}

	/** The deployable with this name. */
	public Deployable get(String name) {
		return this.deployables.stream()
			.filter((deployable) -> deployable.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new LauncherException("no deployable is called " + name + "; known: "
					+ this.deployables.stream().map(Deployable::name).toList()));
	}

	/** A {@code platform.*} setting, still holding placeholders. */
	public String platform(String key) {
		String value = this.platform.get(key);
		if (value == null) {
			throw new IllegalArgumentException("no platform." + key);
		}
		return value;
	}

}
