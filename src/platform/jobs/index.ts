export { enqueueJob, enqueueJobs, type JobRequest, type JobState, jobsInsert, listJobs, retryDeadJob } from './job-queue.ts';
export { backoffSeconds, createJobRunner, type JobContext, type JobHandler, type JobRunner, type JobSchedule } from './job-runner.ts';
