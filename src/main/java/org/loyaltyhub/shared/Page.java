package org.loyaltyhub.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the total so clients can paginate. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    public static <T> Page<T> of(List<T> items, PageQuery query, long total) {
        return new Page<>(items, query.page(), query.size(), total);
    }

    /** One page of a list already in memory (short lists such as a circuit's companies). */
    public static <T> Page<T> slice(List<T> all, PageQuery query) {
        int from = (int) Math.min(all.size(), query.offset());
        int to = Math.min(all.size(), from + query.size());
        return new Page<>(List.copyOf(all.subList(from, to)), query.page(), query.size(), all.size());
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }
}
