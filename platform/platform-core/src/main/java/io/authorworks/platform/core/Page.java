package io.authorworks.platform.core;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of a collection as the API conventions shape it: the items and, when more
 * follow, an opaque cursor for the next page.
 *
 * @param items the items of this page
 * @param nextCursor pass as {@code cursor} to get the next page; absent on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

	/**
	 * Builds a page from a query that fetched {@code limit + 1} rows: the extra row only
	 * tells that another page exists.
	 */
	public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> cursorOf) {
		if (fetched.size() <= limit) {
			return new Page<>(List.copyOf(fetched), null);
		}
		List<T> items = List.copyOf(fetched.subList(0, limit));
		return new Page<>(items, cursorOf.apply(items.getLast()));
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(this.items.stream().map(mapper).toList(), this.nextCursor);
	}

}
