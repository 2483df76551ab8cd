"""A month facet for ISO 8601 date columns: `{"month": "published"}` in metadata.yml, or
`?_facet_month=published` on a table page.

Datasette's own date facet counts days; a corpus spans years, and "what was reported in
March" is a month. Choosing a month filters on `published__startswith=2026-03`.
"""

from __future__ import annotations

from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

MONTH_SQL = """
select substr({column}, 1, 7) as value, count(*) as count from (
    {sql}
)
where {column} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'
group by value order by value desc limit {limit}
"""


class MonthFacet(Facet):
    type = "month"

    async def suggest(self) -> list:
        # suggestions are off in `newsclaims serve`; months are configured, not guessed
        return []

    async def facet_results(self) -> tuple[list, list]:
        results, timed_out = [], []
        args = dict(self.get_querystring_pairs())
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            sql = MONTH_SQL.format(column=escape_sqlite(column), sql=self.sql, limit=size + 1)
            try:
                rows = await self.ds.execute(
                    self.database,
                    sql,
                    self.params,
                    truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            except QueryInterrupted:
                timed_out.append(column)
                continue
            results.append(
                {
                    "name": column,
                    "type": self.type,
                    "results": self.month_values(rows.rows[:size], column, args),
                    "hideable": source_and_config["source"] != "metadata",
                    "toggle_url": path_with_removed_args(self.request, {"_facet_month": column}),
                    "truncated": len(rows.rows) > size,
                }
            )
        return results, timed_out

    def month_values(self, rows, column: str, args: dict) -> list[dict]:
        """Each month with its count and the URL that selects (or unselects) it."""
        filter_key = f"{column}__startswith"
        values = []
        for row in rows:
            selected = args.get(filter_key) == row["value"]
            toggle = path_with_removed_args if selected else path_with_added_args
            values.append(
                {
                    "value": row["value"],
                    "label": row["value"],
                    "count": row["count"],
                    "toggle_url": self.ds.absolute_url(
                        self.request, toggle(self.request, {filter_key: row["value"]})
                    ),
                    "selected": selected,
                }
            )
        return values
