"""Compare: one story's articles and their `ArticleAnnotations` in, a `StoryComparison` out (statements with their
status, aligned quotes and figures, the timeline). `story` holds the steps."""
