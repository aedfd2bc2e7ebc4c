export * from './mentoring.module';
export * from './mentor-profiles.service';
export * from './mentor-assignment.service';
