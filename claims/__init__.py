"""claims: attributed claims and their sources from news articles, published with Datasette."""

__version__ = "0.1.0"
