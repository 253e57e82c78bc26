package io.authorworks.content;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Books, chapters and story bibles for AuthorWorks: what authors write and what readers
 * read.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ContentServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ContentServiceApplication.class, args);
	}

}
