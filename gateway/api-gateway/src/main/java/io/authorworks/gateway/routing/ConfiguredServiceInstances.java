package io.authorworks.gateway.routing;

import java.net.URI;
import java.util.List;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;

/**
 * Tells the load balancer where each service's instances run, straight from the route
 * table, so a comma-separated {@code *_SERVICE_URL} is all it takes to spread load over
 * replicas.
 */
class ConfiguredServiceInstances implements DiscoveryClient {

	private final RoutingProperties routes;

	ConfiguredServiceInstances(RoutingProperties routes) {
		this.routes = routes;
	}

	@Override
	public String description() {
		return "AuthorWorks service URLs from the gateway configuration";
	}

	@Override
	public List<ServiceInstance> getInstances(String serviceId) {
		RoutingProperties.Service service = this.routes.active().get(serviceId);
		if (service == null) {
			return List.of();
		}
		List<URI> urls = service.instances();
		return urls.stream().map((url) -> instance(serviceId, urls.indexOf(url), url)).toList();
	}

	private static ServiceInstance instance(String serviceId, int index, URI url) {
		boolean secure = "https".equals(url.getScheme());
		int port = (url.getPort() > 0) ? url.getPort() : (secure ? 443 : 80);
		return new DefaultServiceInstance(serviceId + "-" + index, serviceId, url.getHost(), port, secure);
	}

	@Override
	public List<String> getServices() {
		return List.copyOf(this.routes.active().keySet());
	}

}
