package fpimport.job;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;

/**
 * The Spring Boot context of a job run: a DataSource, its transaction manager and Spring
 * Batch's JDBC job repository and operator, auto-configured. Only these auto
 * configurations are imported: weighing every one on the class path took about half a
 * second of each run's start. The job itself is built per run.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		TransactionManagerCustomizationAutoConfiguration.class, BatchJdbcAutoConfiguration.class })
class BatchInfrastructure {

}
