// Milestones, critical path and progress.
