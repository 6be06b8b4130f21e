"""Stories: `Article`s and their story facts in, copies (copy id -> original id) and `Story` groups out.

`dedup` finds copies and wire relays; `cluster` makes each article's signature (`happenings`: the day its own time
expressions name) and its story's dates; `evidence` scores pairs with the pair model (weights in `pair_weights`);
`index` (`StoryIndex`) places new articles among the stored ones without regrouping the rest.
"""
