package fpimport.job;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The Spring Boot context of a job run: a DataSource, its transaction manager and Spring
 * Batch's JDBC job repository and operator, all auto-configured. The job itself is built
 * per run.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class BatchInfrastructure {

}
