package com.jobsconsole.model;

import java.util.List;

/** One page of a query's result and the number of all the rows that match it. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public Page {
        items = List.copyOf(items);
    }
}
