"""Compare: one story's articles and their `ArticleAnnotations` in, a `StoryComparison` out (statements with their
status, aligned quotes and figures, quote variants, conflicts that say what conflicts, the timeline, each article's
framing). `story` holds the steps; `conflicts` and `framing` the two comparisons built on its statements."""
