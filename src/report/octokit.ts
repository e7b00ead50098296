// The Octokit the reporters use: @actions/github's, pointed at GITHUB_API_URL.
import { getOctokit } from '@actions/github';

export type Octokit = ReturnType<typeof getOctokit>;

export function makeOctokit(token: string, baseUrl: string): Octokit {
  return getOctokit(token, { baseUrl });
}
