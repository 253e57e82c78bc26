package io.authorworks.platform.test.houserules.good;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configuration may hand the data source to the beans it builds.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	@Bean
	String storage(DataSource dataSource) {
		return dataSource.toString();
	}

}
