"""What the views call: the web layer's services over the database and the plain packages (simulator, rubrics,
portfolio). They flush but never commit (the view commits once per request; export_jobs, which runs in the
queue's consumer, commits its own steps) and never read the request."""
