package fpimport.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Runs a schema script of {@code IF NOT EXISTS} statements, leaving out those whose
 * table, index or column is there already. On PostgreSQL even a
 * {@code CREATE INDEX IF NOT
 * EXISTS} takes a lock that waits for every writer of its table, and an {@code ALTER
 * TABLE ... ADD COLUMN IF NOT EXISTS} one that waits for every reader: with several
 * processes on one database (watchers), each start would queue behind the others' open
 * transactions, and their next statements behind it.
 */
final class SchemaScript {

	private static final Pattern CREATE_TABLE = Pattern
		.compile("(?is)\\s*CREATE\\s+TABLE\\s+IF\\s+NOT\\s+EXISTS\\s+(\\w+).*");

	private static final Pattern CREATE_INDEX = Pattern
		.compile("(?is)\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+IF\\s+NOT\\s+EXISTS\\s+(\\w+)\\s+ON\\s+(\\w+).*");

	private static final Pattern ADD_COLUMN = Pattern
		.compile("(?is)\\s*ALTER\\s+TABLE\\s+(\\w+)\\s+ADD\\s+COLUMN\\s+IF\\s+NOT\\s+EXISTS\\s+(\\w+).*");

	private SchemaScript() {
	}

	/** Runs the statements of a class path script that are still needed. */
	static void apply(DataSource dataSource, String resource) {
		List<String> statements = statements(resource);
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (Statement statement = connection.createStatement()) {
			DatabaseMetaData meta = connection.getMetaData();
			String schema = connection.getSchema();
			for (String sql : statements) {
				if (!present(meta, schema, sql)) {
					statement.execute(sql);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(resource + ": " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * The statements of a script: {@code --} comments dropped, split at each {@code ;}
	 * (our scripts have none inside a literal).
	 */
	static List<String> statements(String resource) {
		String script;
		try {
			script = new String(new ClassPathResource(resource).getContentAsByteArray(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		StringBuilder text = new StringBuilder();
		for (String line : script.split("\\R")) {
			int comment = line.indexOf("--");
			text.append((comment < 0) ? line : line.substring(0, comment)).append('\n');
		}
		List<String> statements = new ArrayList<>();
		for (String statement : text.toString().split(";")) {
			if (!statement.isBlank()) {
				statements.add(statement.strip());
			}
		}
		return statements;
	}

	private static boolean present(DatabaseMetaData meta, String schema, String sql) throws SQLException {
		Matcher table = CREATE_TABLE.matcher(sql);
		if (table.matches()) {
			return hasTable(meta, schema, table.group(1));
		}
		Matcher index = CREATE_INDEX.matcher(sql);
		if (index.matches()) {
			return hasIndex(meta, schema, index.group(2), index.group(1));
		}
		Matcher column = ADD_COLUMN.matcher(sql);
		if (column.matches()) {
			return hasColumn(meta, schema, column.group(1), column.group(2));
		}
		return false;
	}

	private static boolean hasTable(DatabaseMetaData meta, String schema, String table) throws SQLException {
		for (String name : spellings(table)) {
			try (ResultSet tables = meta.getTables(null, schema, name, null)) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean hasIndex(DatabaseMetaData meta, String schema, String table, String index)
			throws SQLException {
		for (String name : spellings(table)) {
			try (ResultSet indexes = meta.getIndexInfo(null, schema, name, false, true)) {
				while (indexes.next()) {
					if (index.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static boolean hasColumn(DatabaseMetaData meta, String schema, String table, String column)
			throws SQLException {
		for (String name : spellings(table)) {
			for (String columnName : spellings(column)) {
				try (ResultSet columns = meta.getColumns(null, schema, name, columnName)) {
					if (columns.next()) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** Unquoted names as H2 (upper case) and PostgreSQL (lower case) store them. */
	private static List<String> spellings(String name) {
		return List.of(name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
	}

}
