"""claims: attributed claims and their sources from news articles, published with Datasette."""

__version__ = "0.2.0"
