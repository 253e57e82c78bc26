package io.authorworks.worker.content;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Runs generation jobs that content-service queues: step by step through the AI library,
 * each step's result committed with its completion, so a redelivered job resumes where it
 * stopped.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ContentWorkerApplication {

	public static void main(String[] args) {
		SpringApplication.run(ContentWorkerApplication.class, args);
	}

}
