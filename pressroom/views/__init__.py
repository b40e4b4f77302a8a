"""The public pages of the press releases, a module per kind of page: lists
(home, news, topics), archive, releases, search and the site's own pages."""
